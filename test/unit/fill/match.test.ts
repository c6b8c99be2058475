import { describe, expect, it } from 'vitest';
import type { ControlSnapshot, SignalSource } from '@/utils/content/fill/collect';
import type { ControlKind } from '@/utils/fields/catalogue';
import { KEY_SPECS } from '@/utils/fields/catalogue';
import { MIN_SCORE, matchFields, scoreControl } from '@/utils/content/fill/match';
import type { FieldRule } from '@/utils/pages/adapters/toolkit';

/** A snapshot as collect() makes it, from [source, text] signals. */
function ctl(ref: number, signals: [SignalSource, string][], more: Partial<ControlSnapshot> = {}): ControlSnapshot {
  return {
    ref,
    kind: 'text' as ControlKind,
    signals: signals.map(([source, text]) => ({ source, text })),
    visible: true,
    enabled: true,
    readonly: false,
    required: false,
    maxLength: null,
    value: '',
    scope: null,
    ours: false,
    placeholder: '',
    ...more,
  };
}
/** Heuristic rules only: no adapter labels, no props. */
const keys = (...k: string[]): FieldRule[] => k.map((key) => ({ key }));
const outcome = (controls: ControlSnapshot[], rules: FieldRule[]) =>
  Object.fromEntries(matchFields(controls, rules).map((m) => [m.key, m.status === 'matched' ? m.ref : m.status]));

describe('scoring one control against one key', () => {
  it.each<[string, [SignalSource, string][], keyof typeof KEY_SPECS, 'match' | 'no']>([
    ['exact label', [['form-label', '软件全称']], 'work.fullName', 'match'],
    ['label containing the term', [['form-label', '软件全称(中文)']], 'work.fullName', 'match'],
    ['model property alone', [['prop', 'softwareName']], 'work.fullName', 'match'],
    ['a nested Element prop names its last segment', [['prop', 'ownerList.1.idNumber']], 'owner.idNumber', 'match'],
    ['placeholder alone', [['placeholder', '版本号']], 'work.version', 'match'],
    ['软件简称 never takes 软件全称', [['form-label', '软件简称']], 'work.fullName', 'no'],
    ['软件全称 never takes 软件简称', [['form-label', '软件全称']], 'work.shortName', 'no'],
    ['a negative term vetoes even a matching prop', [['form-label', '联系人姓名'], ['prop', 'name']], 'owner.name', 'no'],
    ['法定代表人 is not the owner', [['form-label', '法定代表人姓名']], 'owner.name', 'no'],
    ['one-character terms only as a whole label: 市', [['form-label', '市']], 'owner.city', 'match'],
    ['…and never inside another word', [['form-label', '所在市区街道']], 'owner.city', 'no'],
    ['the completion date is not the publication date', [['form-label', '开发完成日期']], 'work.firstPublishedDate', 'no'],
    ['running hardware is not development hardware', [['title', '运行的硬件环境']], 'work.devHardware', 'no'],
    ['a weak neighbour text alone is not enough', [['prev-text', '请填写以下与软件名称有关的全部信息']], 'work.fullName', 'no'],
  ])('%s', (_name, sig, key, want) => {
    const { score } = scoreControl(sig.map(([source, text]) => ({ source, text })), KEY_SPECS[key]);
    if (want === 'match') expect(score).toBeGreaterThanOrEqual(MIN_SCORE);
    else expect(score).toBeLessThan(MIN_SCORE);
  });

  it('specific before general: 著作权人证件号码 scores above a bare 证件号码 match of the same key', () => {
    const spec = KEY_SPECS['owner.idNumber'];
    const specific = scoreControl([{ source: 'form-label', text: '著作权人证件号码' }], spec).score;
    const general = scoreControl([{ source: 'form-label', text: '法人证件号码(选填)' }], spec).score;
    expect(specific).toBe(1);
    expect(general).toBeLessThan(specific);
  });
});

describe('matching keys to controls', () => {
  it('short name and full name side by side go each to their own', () => {
    const controls = [ctl(0, [['form-label', '软件全称']]), ctl(1, [['form-label', '软件简称']])];
    expect(outcome(controls, keys('work.fullName', 'work.shortName'))).toEqual({ 'work.fullName': 0, 'work.shortName': 1 });
  });

  it('a page with only 软件简称 has no 软件全称', () => {
    expect(outcome([ctl(0, [['form-label', '软件简称']])], keys('work.fullName'))).toEqual({ 'work.fullName': 'not-found' });
  });

  it('the decoy 联系人姓名 never takes the owner name, and leaves the real one unambiguous', () => {
    const controls = [ctl(0, [['form-label', '联系人姓名']]), ctl(1, [['form-label', '名称']])];
    expect(outcome(controls, keys('owner.name'))).toEqual({ 'owner.name': 1 });
    expect(outcome([controls[0]], keys('owner.name'))).toEqual({ 'owner.name': 'not-found' });
  });

  it('a hidden twin neither wins nor makes the key ambiguous; two visible twins do', () => {
    const twin = (ref: number, visible: boolean) => ctl(ref, [['form-label', '软件全称'], ['placeholder', '软件全称']], { visible });
    expect(outcome([twin(0, false), twin(1, true)], keys('work.fullName'))).toEqual({ 'work.fullName': 1 });
    expect(outcome([twin(0, true), twin(1, true)], keys('work.fullName'))).toEqual({ 'work.fullName': 'ambiguous' });
  });

  it('disabled fields and readonly text boxes never compete', () => {
    const controls = [ctl(0, [['form-label', '手机号码']], { enabled: false }), ctl(1, [['form-label', '手机号码']], { readonly: true })];
    expect(outcome(controls, keys('owner.phone'))).toEqual({ 'owner.phone': 'not-found' });
  });

  it('a label that fits two asked keys equally is nobody\'s', () => {
    // The account's email and the owner's email share their words: on one page they are ambiguous.
    expect(outcome([ctl(0, [['form-label', '电子邮箱']])], keys('owner.email', 'owner.account.email'))).toEqual({
      'owner.email': 'ambiguous',
      'owner.account.email': 'ambiguous',
    });
  });

  it('one control per key and one key per control', () => {
    const controls = [ctl(0, [['form-label', '固定电话']]), ctl(1, [['form-label', '手机号码']])];
    expect(outcome(controls, keys('owner.phone', 'owner.landline'))).toEqual({ 'owner.phone': 1, 'owner.landline': 0 });
  });

  it('the value kind decides between the option group and the text box under one title', () => {
    const controls = [ctl(0, [['title', '编程语言']], { kind: 'checkbox', options: ['Java'] }), ctl(1, [['title', '编程语言']])];
    expect(outcome(controls, [{ key: 'work.languages', labels: ['编程语言'] }, { key: 'work.languagesOther', labels: ['编程语言'] }])).toEqual({
      'work.languages': 0,
      'work.languagesOther': 1,
    });
  });

  it('a text rule never takes a select, a choice rule never a text box', () => {
    const controls = [ctl(0, [['form-label', '软件分类']]), ctl(1, [['form-label', '软件全称']], { kind: 'select' })];
    expect(outcome(controls, keys('work.softwareCategory', 'work.fullName'))).toEqual({ 'work.softwareCategory': 'not-found', 'work.fullName': 'not-found' });
  });

  it('adapter rules come first: an exact prop wins over a better-sounding label elsewhere', () => {
    const controls = [ctl(0, [['form-label', '名称'], ['prop', 'ownerName']]), ctl(1, [['form-label', '机构名称'], ['prop', 'orgName']])];
    const [m] = matchFields(controls, [{ key: 'owner.name', prop: 'orgName' }]);
    expect(m).toMatchObject({ status: 'matched', ref: 1 });
    expect(m.why).toContain('label[for]="orgName"');
  });

  it('an adapter rule that fits two visible controls is ambiguous, not the first one', () => {
    const controls = [ctl(0, [['form-label', '软件全称']]), ctl(1, [['form-label', '软件全称']])];
    expect(matchFields(controls, [{ key: 'work.fullName', labels: ['软件全称'] }])[0]).toMatchObject({ status: 'ambiguous', refs: [0, 1] });
  });

  it('scopes: an owner row only sees its own controls', () => {
    const controls = [ctl(0, [['form-label', '名称']], { scope: 0 }), ctl(1, [['form-label', '名称']], { scope: 1 }), ctl(2, [['form-label', '名称']])];
    expect(matchFields(controls, keys('owner.name'), 1)[0]).toMatchObject({ status: 'matched', ref: 1 });
    expect(matchFields(controls, keys('owner.name'), null)[0]).toMatchObject({ status: 'matched', ref: 2 });
  });

  it('records why each match was made', () => {
    const [m] = matchFields([ctl(0, [['placeholder', '版本号']])], keys('work.version'));
    expect(m).toMatchObject({ status: 'matched' });
    expect(m.why).toMatch(/heuristic 0\.60: placeholder “版本号” ~ “版本号”/);
  });
});
