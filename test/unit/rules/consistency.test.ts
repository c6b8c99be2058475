import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Finding } from '@/utils/schema/finding';
import { Owner } from '@/utils/schema/owner';
import { Work } from '@/utils/schema/work';
import {
  checkAccountsUnique,
  checkRealNameMatch,
  checkRealNameRequired,
  checkSameNameAndVersion,
  describeDifference,
  firstDifference,
} from '@/utils/rules/consistency';
import { checkOwner } from '@/utils/rules/owner';
import { sampleBundle } from '../helpers';

const bundle = sampleBundle();
const [person, company]: Owner[] = bundle.owners.map((o: unknown) => Owner.parse(o));
const crm: Work = Work.parse(bundle.works[0]);
const ruleAndKey = (fs: Finding[]) => fs.map((f) => `${f.rule}@${f.key}:${f.severity}`);

describe('firstDifference', () => {
  it.each<[string, string, ReturnType<typeof firstDifference>]>([
    ['张三', '张三', null],
    [' 张三 ', '张三', null], // trimming only
    ['北京云帆科技（北京）有限公司', '北京云帆科技(北京)有限公司', { position: 7, actual: '（', expected: '(', kind: 'width' }],
    ['张 三', '张三', { position: 2, actual: ' ', expected: '三', kind: 'space' }],
    ['张\u3000三', '张 三', { position: 2, actual: '\u3000', expected: ' ', kind: 'space' }],
    ['11010519900307005x', '11010519900307005X', { position: 18, actual: 'x', expected: 'X', kind: 'case' }],
    ['１１０', '110', { position: 1, actual: '１', expected: '1', kind: 'width' }],
    ['张三', '张三丰', { position: 3, actual: '', expected: '丰', kind: 'missing' }],
    ['张三丰', '张三', { position: 3, actual: '丰', expected: '', kind: 'extra' }],
    ['张三', '张山', { position: 2, actual: '三', expected: '山', kind: 'other' }],
    ['𠀀a', '𠀀b', { position: 2, actual: 'a', expected: 'b', kind: 'other' }], // counted in code points
  ])('%s vs %s', (a, b, expected) => expect(firstDifference(a, b)).toEqual(expected));

  it('is null exactly when the trimmed strings are equal', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => (firstDifference(a, b) === null) === (a.trim() === b.trim())));
  });

  it('describes the difference in both languages', () => {
    expect(describeDifference(firstDifference('云帆（北京）', '云帆(北京)')!)).toEqual([
      '第 3 个字符是“（”（全角），应为“(”，全角与半角不同',
      'character 3 is "（" (full-width) where "(" is expected; full-width vs half-width',
    ]);
    expect(describeDifference(firstDifference('张 三', '张三')!)[0]).toBe('第 2 个字符是半角空格，应为“三”，空格不同');
  });
});

describe('realname.match', () => {
  it('passes when profile, authenticated values and page agree', () => {
    expect(checkRealNameMatch(person)).toEqual([]);
    expect(checkRealNameMatch(company, { name: '北京云帆科技有限公司', idNumber: ' 91110108MA01C3KX5Q ' })).toEqual([]);
  });

  it.each<[string, Owner, Parameters<typeof checkRealNameMatch>[1], string[]]>([
    ['profile name differs from the authenticated one', { ...company, name: '北京云帆科技有限责任公司' }, undefined, ['realname.match@name:error']],
    ['profile ID differs from the authenticated one', { ...person, idNumber: '11010519900307201２' }, undefined, ['realname.match@idNumber:error']],
    ['page name differs from the profile', company, { name: '北京云帆科技有限公司 ' + '（分公司）' }, ['realname.match@name:error']],
    ['page ID differs from the profile', person, { idNumber: '110105199003072013' }, ['realname.match@idNumber:error']],
    ['both differ', { ...person, name: '张叁' }, { name: '张三' }, ['realname.match@name:error', 'realname.match@name:error']],
    ['no authentication recorded', { ...person, realName: undefined, name: '张叁' }, undefined, []],
    ['empty page fields are not compared', person, { name: '', idNumber: '  ' }, []],
  ])('%s', (_name, owner, page, expected) => expect(ruleAndKey(checkRealNameMatch(owner, page))).toEqual(expected));

  it('says where the names differ and that the difference is full-width/half-width', () => {
    const [f] = checkRealNameMatch({ ...company, name: '北京云帆科技（北京）有限公司', realName: { status: 'verified', name: '北京云帆科技(北京)有限公司', idNumber: company.idNumber } });
    expect(f.message).toContain('第 7 个字符是“（”（全角），应为“(”，全角与半角不同');
    expect(f.message).toContain('full-width vs half-width');
  });

  it('is part of checkOwner', () => {
    expect(ruleAndKey(checkOwner({ ...person, name: '张 三' }, '2026-11-23'))).toEqual(['realname.match@name:error']);
  });
});

describe('realname.required', () => {
  const pending: Owner = { ...person, id: 'o-pending', name: '王五', realName: { status: 'pending', name: '王五', idNumber: '' } };
  const none: Owner = { ...person, id: 'o-none', name: '赵六', realName: undefined };
  const owners = [person, company, pending, none];
  it.each<[string, string[], number]>([
    ['one verified owner', ['o-yunfan'], 0],
    ['two verified co-owners', ['o-yunfan', 'o-zhang-san'], 0],
    ['a pending co-owner', ['o-yunfan', 'o-pending'], 1],
    ['a co-owner never authenticated', ['o-yunfan', 'o-none'], 1],
    ['an owner without a profile', ['o-yunfan', 'o-gone'], 1],
    ['no owner at all', [], 1],
  ])('%s', (_name, ownerIds, count) => {
    const fs = checkRealNameRequired({ ...crm, ownerIds }, owners);
    expect(fs).toHaveLength(count);
    for (const f of fs) expect(f).toMatchObject({ rule: 'realname.required', severity: 'error', key: 'ownerIds' });
  });

  it('names the co-owner and its position', () => {
    const [f] = checkRealNameRequired({ ...crm, ownerIds: ['o-yunfan', 'o-none'] }, owners);
    expect(f.message).toContain('第 2 著作权人“赵六”尚未实名认证');
    const [p] = checkRealNameRequired({ ...crm, ownerIds: ['o-pending'] }, owners);
    expect(p.message).toContain('正在审核');
  });

  it('survives weird input', () => {
    expect(() => checkRealNameRequired(null as unknown as Work, null as unknown as Owner[])).not.toThrow();
    expect(checkRealNameRequired({ ...crm, ownerIds: ['o-yunfan'] }, [null, 1, company] as unknown as Owner[])).toEqual([]);
  });
});

describe('account.unique-phone / account.unique-email', () => {
  const lisi: Owner = { ...person, id: 'o-li-si', name: '李四', phone: '13700137000', email: 'lisi@example.com', account: undefined };

  it('passes distinct accounts', () => {
    expect(checkAccountsUnique([person, company, lisi])).toEqual([]);
  });

  it.each<[string, Owner[], string[], string[][]]>([
    ['two accounts with one phone', [person, { ...lisi, account: { username: 'lisi', phone: '+86 138 0013 8000', email: 'lisi@example.com' } }], ['account.unique-phone@account.phone:warning'], [['o-zhang-san', 'o-li-si']]],
    ['an account email reused as a profile email', [person, { ...lisi, email: 'ZhangSan@Example.com' }], ['account.unique-email@account.email:warning'], [['o-zhang-san', 'o-li-si']]],
    [
      'both shared by three',
      [person, { ...lisi, phone: '13800138000', email: 'zhangsan@example.com' }, { ...lisi, id: 'o-wang', name: '王五', phone: '13800138000' }],
      ['account.unique-phone@account.phone:warning', 'account.unique-email@account.email:warning'],
      [['o-zhang-san', 'o-li-si', 'o-wang'], ['o-zhang-san', 'o-li-si']],
    ],
    ['empty values are not a clash', [{ ...lisi, phone: '', email: '' }, { ...lisi, id: 'o-x', phone: '', email: '' }], [], []],
  ])('%s', (_name, owners, expected, groups) => {
    const fs = checkAccountsUnique(owners);
    expect(ruleAndKey(fs)).toEqual(expected);
    expect(fs.map((f) => f.ownerIds)).toEqual(groups);
  });

  it('names the owners sharing the value', () => {
    const [f] = checkAccountsUnique([person, { ...lisi, phone: '13800138000' }]);
    expect(f.message).toContain('13800138000');
    expect(f.message).toContain('张三、李四');
  });

  it('survives weird input', () => {
    expect(checkAccountsUnique(undefined as unknown as Owner[])).toEqual([]);
    expect(checkAccountsUnique([null, 'x', { id: 'a', account: null }] as unknown as Owner[])).toEqual([]);
  });
});

describe('materials.consistency (name and version everywhere)', () => {
  const form = { where: '软件申请信息', fullName: '云帆客户关系管理系统', version: 'V1.0' };
  it.each<[string, Parameters<typeof checkSameNameAndVersion>[0], string[]]>([
    ['all equal', [form, { where: '程序鉴别材料页眉', fullName: '云帆客户关系管理系统', version: 'V1.0' }, { where: '确认页', version: 'V1.0' }], []],
    ['a version differs', [form, { where: '程序鉴别材料页眉', version: 'V1.1' }], ['materials.consistency@version:error']],
    ['a name differs by a space', [form, { where: '文档鉴别材料页眉', fullName: '云帆客户关系 管理系统' }], ['materials.consistency@fullName:error']],
    ['two steps differ from the first', [form, { where: 'b', version: 'v1.0' }, { where: 'c', version: 'V1.0.0' }], ['materials.consistency@version:error', 'materials.consistency@version:error']],
    ['empty values are not observations', [{ where: 'a', version: '' }, form], []],
    ['nothing observed', [], []],
  ])('%s', (_name, observations, expected) => expect(ruleAndKey(checkSameNameAndVersion(observations))).toEqual(expected));

  it('says where and how', () => {
    const [f] = checkSameNameAndVersion([form, { where: '程序鉴别材料页眉', version: 'V1.1' }]);
    expect(f.message).toContain('程序鉴别材料页眉的版本号 “V1.1” 与软件申请信息的 “V1.0” 不一致：第 4 个字符是“1”，应为“0”');
  });
});
