import { describe, expect, it } from 'vitest';
import { checkApplication, isoDay, type PageObservation } from '@/utils/findings/application';
import type { FieldReading } from '@/utils/findings/application';
import type { PlanValues } from '@/utils/contract/messages';
import type { Finding } from '@/utils/schema/finding';
import { Owner } from '@/utils/schema/owner';
import { Work } from '@/utils/schema/work';
import { sampleBundle } from '../helpers';

// checkApplication: profiles and page readings → findings keyed by fill keys (docs/RULES.md ids).

const TODAY = '2026-11-23';
const bundle = sampleBundle();
const zhang = () => Owner.parse(bundle.owners[0]);
const yunfan = () => Owner.parse(bundle.owners[1]);
const crm = (patch: Record<string, unknown> = {}) => Work.parse({ ...bundle.works[0], ...patch });

const text = (value: string, extra: Partial<FieldReading> = {}): FieldReading => ({ kind: 'text', value, maxLength: null, minLength: null, ...extra });
const choice = (value: string): FieldReading => ({ kind: 'radio', value, maxLength: null, minLength: null });
const page = (kind: string, fields: Record<string, FieldReading>): PageObservation => ({ page: `ccopyright.${kind}`, fields });
const values = (owner: Owner, work: Work | null, coOwners: Owner[] = []): PlanValues => ({ owner, work, coOwners });

const run = (v: PlanValues | null, observed: PageObservation[], current = observed[0]?.page ?? 'ccopyright.r11.application') =>
  checkApplication({ values: v, observed, current, today: TODAY });
const keyed = (fs: Finding[]) => fs.map((f) => `${f.rule}@${f.key}`);

describe('checkApplication', () => {
  it('finds nothing on the sample profiles and a page that shows them', () => {
    const application = page('r11.application', {
      'work.fullName': text('云帆客户关系管理系统', { maxLength: 100 }),
      'work.shortName': text('云帆CRM', { maxLength: 30 }),
      'work.version': text('V1.0', { maxLength: 20 }),
    });
    const development = page('r11.development', {
      'work.completionDate': text('2026-06-30'),
      'work.published': choice('已发表'),
      'work.firstPublishedDate': text('2026-08-01'),
      'owners.0.name': text('北京云帆科技有限公司'),
      'owners.0.idNumber': text('91110108MA01C3KX5Q'),
    });
    expect(run(values(yunfan(), crm()), [development, application])).toEqual([]);
  });

  it.each<[string, PlanValues | null, PageObservation[], string[]]>([
    // id.resident on the row the page shows, with no profile chosen: the page alone is judged.
    ['a wrong check digit typed on a row', null, [page('r11.development', { 'owners.0.category': text('自然人'), 'owners.0.idType': text('居民身份证'), 'owners.0.idNumber': text('110105199003072013') })], ['id.resident@owners.0.idNumber']],
    // id.uscc from the profile of the second owner, on its row though the page shows one row only.
    [
      'a co-owner profile with a wrong USCC check character',
      values(yunfan(), crm({ ownerIds: ['o-yunfan', 'o-other'], developmentMode: '合作开发' }), [{ ...yunfan(), id: 'o-other', idNumber: '91110108MA01C3KX5X', realName: { status: 'verified', name: '北京云帆科技有限公司', idNumber: '91110108MA01C3KX5X' } }]),
      [page('r11.development', { 'owners.0.name': text('北京云帆科技有限公司') })],
      ['id.uscc@owners.1.idNumber'],
    ],
    // work.version on the page: the page's value is what will be submitted.
    ['a version the portal refuses', values(yunfan(), crm()), [page('r11.application', { 'work.version': text('v1.0') })], ['work.version@work.version', 'materials.consistency@work.version']],
    // work.dates with the page's own date format.
    ['publication before completion, in the page\'s format', values(yunfan(), crm()), [page('r11.development', { 'work.completionDate': text('2026/09/01'), 'work.firstPublishedDate': text('2026年08月01日'), 'work.published': choice('已发表') })], ['work.dates@work.firstPublishedDate']],
    // work.lengths: 源程序量 as the page holds it.
    ['source lines that are no number', values(yunfan(), crm()), [page('r11.features', { 'work.sourceLines': text('3万') })], ['work.lengths@work.sourceLines']],
  ])('%s', (_name, v, observed, expected) => {
    const found = keyed(run(v, observed));
    for (const e of expected) expect(found).toContain(e);
  });

  it('the page\'s own limit wins over the table, with the minimum its placeholder states (work.lengths)', () => {
    const main = (n: number) => page('r11.features', { 'work.mainFunctions': text('功'.repeat(n), { maxLength: 1300, minLength: 500 }) });
    const w = values(yunfan(), crm());
    // 1100 characters: over the table's 1000, within the page's 1300.
    expect(keyed(run(w, [main(1100)]))).not.toContain('work.lengths@work.mainFunctions');
    expect(run(w, [main(1400)]).find((f) => f.key === 'work.mainFunctions')?.message).toContain('超出 1300 字');
    expect(run(w, [main(400)]).find((f) => f.key === 'work.mainFunctions')?.message).toContain('至少 500 字');
    // A page that states only a maximum keeps the table's minimum.
    const noMin = page('r11.features', { 'work.mainFunctions': text('功'.repeat(400), { maxLength: 1300 }) });
    expect(run(w, [noMin]).find((f) => f.key === 'work.mainFunctions')?.message).toContain('至少 500 字');
  });

  it('without a chosen work, fields of steps not visited are not reported empty', () => {
    const found = run(null, [page('r11.application', { 'work.fullName': text('云帆客户关系管理系统'), 'work.version': text('V1.0') })]);
    expect(found).toEqual([]);
    // With the work chosen, its own gaps are reported wherever the user is.
    expect(keyed(run(values(yunfan(), crm({ mainFunctions: '太短' })), [page('r11.application', {})]))).toContain('work.lengths@work.mainFunctions');
  });

  describe('realname.match: page ⇄ profile ⇄ authentication', () => {
    it('a full-width bracket on the page where the profile has a half-width one', () => {
      const owner = { ...yunfan(), name: '北京云帆科技有限公司(北京)', realName: { status: 'verified' as const, name: '北京云帆科技有限公司(北京)', idNumber: '91110108MA01C3KX5Q' } };
      const fs = run(values(owner, crm()), [page('r11.development', { 'owners.0.name': text('北京云帆科技有限公司（北京）') })]);
      const match = fs.filter((f) => f.rule === 'realname.match');
      expect(match.map((f) => f.key)).toEqual(['owners.0.name']);
      // The page's own character is named; the profile's never is (the page must not learn it).
      expect(match[0].message).toContain('页面上的名称与资料不一致：从第 11 个字符（“（”（全角））起不同');
      expect(match[0].message).not.toContain('“(”');
    });

    it('a profile that differs from its authentication, on the account pages keyed owner.*', () => {
      const owner = { ...zhang(), realName: { status: 'verified' as const, name: '张 三', idNumber: '110105199003072012' } };
      const fs = run(values(owner, null), [page('realname.person', { 'owner.name': text('张三'), 'owner.idNumber': text('110105199003072012') })], 'ccopyright.realname.person');
      expect(keyed(fs)).toEqual(['realname.match@owner.name']);
      // No authentication is asked for on the page that does the authenticating.
      expect(fs.some((f) => f.rule === 'realname.required')).toBe(false);
    });
  });

  describe('realname.required on the R11 steps', () => {
    it('every co-owner on its row; a missing profile on the work', () => {
      const pending = { ...zhang(), realName: { status: 'pending' as const, name: '张三', idNumber: '110105199003072012' } };
      const work = crm({ ownerIds: ['o-yunfan', 'o-zhang-san', 'o-gone'], developmentMode: '合作开发' });
      const fs = run(values(yunfan(), work, [pending]), [page('r11.development', {})]);
      const required = fs.filter((f) => f.rule === 'realname.required');
      expect(required.map((f) => f.key)).toEqual(['owners.1.name', 'work.ownerIds']);
      expect(required[0].message).toContain('实名认证正在审核');
      expect(required[1].message).toContain('o-gone');
    });
  });

  it('the vendor console\'s form is an application form too: the work, the owner rows, their authentication', () => {
    const pending = { ...yunfan(), realName: { status: 'pending' as const, name: '北京云帆科技有限公司', idNumber: '91110108MA01C3KX5Q' } };
    const fs = run(values(pending, crm()), [page('r11.application', {}), { page: 'aliyun.apply', fields: { 'work.version': text('V 1.0'), 'owners.0.idNumber': text('91110108MA01C3KX5X') } }], 'aliyun.apply');
    expect(keyed(fs)).toEqual(expect.arrayContaining(['work.version@work.version', 'id.uscc@owners.0.idNumber', 'realname.required@owners.0.name']));
    expect(fs.find((f) => f.rule === 'materials.consistency')?.message).toContain('阿里云“填写资料”页的版本号');
  });

  describe('name and version across the steps (materials.consistency)', () => {
    it('the profile is the reference; each step that differs is named', () => {
      const fs = run(values(yunfan(), crm()), [
        page('r11.confirm', { 'work.fullName': text('云帆客户关系管理系统'), 'work.version': text('V1.0.1') }),
        page('r11.application', { 'work.fullName': text('云帆客户关系管理系统 '), 'work.version': text('V1.0.1') }),
      ]);
      const version = fs.filter((f) => f.rule === 'materials.consistency');
      expect(version.map((f) => f.key)).toEqual(['work.version', 'work.version']);
      expect(version[0].message).toContain('“软件申请信息”页的版本号 “V1.0.1” 与资料的 不一致：从第 5 个字符（“.”）起不同');
      expect(version[0].message).not.toContain('“V1.0”');
      expect(version[1].message).toContain('“确认信息”页的版本号');
    });

    it('without a work the first step seen is the reference', () => {
      const fs = run(null, [
        page('r11.confirm', { 'work.version': text('V2.0') }),
        page('r11.application', { 'work.version': text('V1.0') }),
      ]);
      expect(fs.filter((f) => f.rule === 'materials.consistency').map((f) => f.message)[0]).toContain('“确认信息”页的版本号 “V2.0” 与“软件申请信息”页的 “V1.0” 不一致');
    });
  });

  it('a fourth tag ticked on #/features, and a language of the program left undeclared', () => {
    const features = page('r11.features', {
      'work.featureTags': { kind: 'checkbox', value: 'APP、小程序、云计算软件、大数据软件', checked: ['APP', '小程序', '云计算软件', '大数据软件'], maxLength: null, minLength: null },
      'work.languages': { kind: 'checkbox', value: 'Java', checked: ['Java'], maxLength: null, minLength: null },
      'work.languagesOther': text(''),
    });
    const found = keyed(run(values(yunfan(), crm({ languages: 'Java、JavaScript' })), [features], 'ccopyright.r11.features'));
    expect(found).toContain('work.tags@work.featureTags');
    expect(found).toContain('work.languages@work.languages');
  });

  it('on a label-less R11 row, 其他有效证件 for a passport holder is right and a USCC certificate is not', () => {
    const row = (idType: string) => page('r11.development', { 'owners.0.category': choice('自然人'), 'owners.0.idType': choice(idType), 'owners.0.idNumber': text('E12345678') });
    expect(keyed(run(null, [row('其他有效证件')], 'ccopyright.r11.development')).filter((k) => k.startsWith('id.type'))).toEqual([]);
    expect(keyed(run(null, [row('统一社会信用代码证书')], 'ccopyright.r11.development'))).toContain('id.type-matches-kind@owners.0.idType');
  });

  it('filing.address on #/confirm while no certificate address is chosen, and not once one is', () => {
    const confirm = (chosen: string) => page('r11.confirm', { 'address.chosen': choice(chosen) });
    expect(keyed(run(values(yunfan(), crm()), [confirm('')], 'ccopyright.r11.confirm'))).toContain('filing.address@address.chosen');
    expect(keyed(run(values(yunfan(), crm()), [confirm('李四 13900139000')], 'ccopyright.r11.confirm'))).not.toContain('filing.address@address.chosen');
  });

  it('sorts errors first and reports a finding once', () => {
    const fs = run(values(yunfan(), crm({ version: 'v1' })), [page('r11.application', { 'work.version': text('v1') })]);
    const order = { error: 0, warning: 1, info: 2 };
    expect(fs.map((f) => order[f.severity])).toEqual([...fs.map((f) => order[f.severity])].sort());
    expect(fs.filter((f) => f.rule === 'work.version')).toHaveLength(1);
  });
});

describe('isoDay', () => {
  it.each([
    ['2026-06-30', '2026-06-30'],
    ['2026/6/3', '2026-06-03'],
    ['2026年06月30日', '2026-06-30'],
    ['2026.06.30', '2026-06-30'],
    ['昨天', '昨天'],
  ])('%s → %s', (input, expected) => expect(isoDay(input)).toBe(expected));
});
