import { describe, expect, it } from 'vitest';
import type { ControlSnapshot, SignalSource } from '@/utils/content/fill/collect';
import { MIN_SCORE, matchFields, scoreControl } from '@/utils/content/fill/match';
import { planFill } from '@/utils/content/fill/plan';
import { KEY_SPECS, type ControlKind } from '@/utils/fields/catalogue';
import { PORTAL_LANGUAGES } from '@/utils/fields/portal-options';
import { r11Development } from '@/utils/pages/adapters/r11-development';
import { r11Features } from '@/utils/pages/adapters/r11-features';
import { rowRules, type FieldRule } from '@/utils/pages/adapters/toolkit';
import { Owner } from '@/utils/schema/owner';
import { Work } from '@/utils/schema/work';
import { labelText, placeholderText } from '@/utils/text/normalize';
import { sampleBundle } from '../helpers';

// Matching on snapshots as collect() makes them (table-driven, docs/FILLING.md "Deciding a field").

/** A snapshot from [source, text] signals; texts are normalised as collect() leaves them. */
function ctl(ref: number, signals: [SignalSource, string][], more: Partial<ControlSnapshot> = {}): ControlSnapshot {
  return {
    ref,
    kind: 'text' as ControlKind,
    signals: signals.map(([source, text]) => ({ source, text: source === 'placeholder' ? placeholderText(text) : source === 'prop' || source === 'name' ? text : labelText(text) })),
    visible: true,
    enabled: true,
    required: false,
    maxLength: null,
    value: '',
    scope: null,
    ours: false,
    touched: false,
    placeholder: '',
    ...more,
  };
}
/** Heuristic rules only: no adapter labels, no props. */
const keys = (...k: string[]): FieldRule[] => k.map((key) => ({ key }));
const outcome = (controls: ControlSnapshot[], rules: readonly FieldRule[], scope: number | null = null) =>
  Object.fromEntries(matchFields(controls, rules, scope).map((m) => [m.key, m.status === 'matched' ? m.ref : m.status]));

describe('scoring one control against one key', () => {
  it.each<[string, [SignalSource, string][], keyof typeof KEY_SPECS, 'match' | 'no']>([
    ['exact label', [['form-label', '软件全称']], 'work.fullName', 'match'],
    ['label containing the term', [['form-label', '软件全称(中文)']], 'work.fullName', 'match'],
    ['的 joins the same words: 软件的全称', [['placeholder', '请输入软件的全称']], 'work.fullName', 'match'],
    ['…and 开发硬件环境 is 开发的硬件环境', [['title', '开发硬件环境']], 'work.devHardware', 'match'],
    ['model property alone', [['prop', 'softwareFullName']], 'work.fullName', 'match'],
    ['a nested prop names its last segment', [['prop', 'ownerList.1.certNo']], 'owner.idNumber', 'match'],
    ['placeholder alone', [['placeholder', '请输入版本号']], 'work.version', 'match'],
    ['full-width brackets fold (NFKC): 首次发表地点（城市）', [['cell', '首次发表地点（城市）']], 'work.firstPublishedCity', 'match'],
    ['…and the city is never the country', [['cell', '首次发表地点（城市）']], 'work.firstPublishedCountry', 'no'],
    ['a clause before 请输入 is dropped: the other-language box', [['placeholder', '若有需要，请输入其他编程语言']], 'work.languagesOther', 'match'],
    ['the options alone name a radio group: 原始取得 / 继受取得', [['options', '原始取得|继受取得']], 'work.rightsAcquisition', 'match'],
    ['…but one known option among others is no fingerprint', [['options', '原始取得|其他|不详']], 'work.rightsAcquisition', 'no'],
    ['软件简称 never takes 软件全称', [['form-label', '软件简称']], 'work.fullName', 'no'],
    ['软件全称 never takes 软件简称', [['form-label', '软件全称']], 'work.shortName', 'no'],
    ['an English name is not the name', [['placeholder', '请输入软件全称（英文）']], 'work.fullName', 'no'],
    ['a negative term vetoes even a matching prop', [['form-label', '联系人姓名'], ['prop', 'name']], 'owner.name', 'no'],
    ['法定代表人 is not the owner', [['form-label', '法定代表人姓名']], 'owner.name', 'no'],
    ['one-character terms only as a whole label: 市', [['form-label', '市']], 'owner.city', 'match'],
    ['…and never inside another word', [['form-label', '所在市区街道']], 'owner.city', 'no'],
    ['the completion date is not the publication date', [['form-label', '开发完成日期']], 'work.firstPublishedDate', 'no'],
    ['running hardware is not development hardware', [['title', '运行的硬件环境']], 'work.devHardware', 'no'],
    ['a weak neighbour text alone is not enough', [['prev-text', '请填写以下与软件名称有关的全部信息']], 'work.fullName', 'no'],
    ['a title shared by several controls is not enough alone', [['shared-title', '软件全称']], 'work.fullName', 'no'],
  ])('%s', (_name, sig, key, want) => {
    const { score } = scoreControl(ctl(0, sig).signals, KEY_SPECS[key]);
    if (want === 'match') expect(score).toBeGreaterThanOrEqual(MIN_SCORE);
    else expect(score).toBeLessThan(MIN_SCORE);
  });

  it('specific before general: 著作权人证件号码 scores above a looser label of the same key', () => {
    const spec = KEY_SPECS['owner.idNumber'];
    const specific = scoreControl(ctl(0, [['form-label', '著作权人证件号码']]).signals, spec).score;
    const general = scoreControl(ctl(0, [['form-label', '法人证件号码(选填)']]).signals, spec).score;
    expect(specific).toBe(1);
    expect(general).toBeLessThan(specific);
  });

  it('a position names the owner field only when it is that field', () => {
    const signals = ctl(0, [['position', 'idNumber']]).signals;
    expect(scoreControl(signals, KEY_SPECS['owner.idNumber'], [], 'idNumber').score).toBeGreaterThanOrEqual(MIN_SCORE);
    expect(scoreControl(signals, KEY_SPECS['owner.name'], [], 'name').score).toBe(0);
  });
});

describe('matching keys to controls', () => {
  it('full name, short name and version in one section: each by its placeholder', () => {
    const shared: [SignalSource, string] = ['shared-title', '软件名称'];
    const controls = [
      ctl(0, [shared, ['placeholder', '请输入软件全称']]),
      ctl(1, [shared, ['placeholder', '请输入软件简称，如无简称请留空，不要填写“无”。']]),
      ctl(2, [shared, ['placeholder', '请输入版本号']]),
    ];
    expect(outcome(controls, keys('work.fullName', 'work.shortName', 'work.version'))).toEqual({ 'work.fullName': 0, 'work.shortName': 1, 'work.version': 2 });
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
    const twin = (ref: number, visible: boolean) => ctl(ref, [['title', '开发目的'], ['placeholder', '请输入开发目的']], { visible });
    expect(outcome([twin(0, false), twin(1, true)], keys('work.purpose'))).toEqual({ 'work.purpose': 1 });
    expect(outcome([twin(0, true), twin(1, true)], keys('work.purpose'))).toEqual({ 'work.purpose': 'ambiguous' });
    // The adapter's own rule too: a hidden twin with the exact title is not a second candidate.
    expect(outcome([twin(0, false), twin(1, true)], r11Features.fields.filter((r) => r.key === 'work.purpose'))).toEqual({ 'work.purpose': 1 });
  });

  it('a disabled control competes (the field is there, locked) and is planned locked', () => {
    const controls = [ctl(0, [['title', '开发该软件的操作系统']], { enabled: false, value: 'Windows 10' })];
    const matches = matchFields(controls, keys('work.devOs'));
    expect(matches[0]).toMatchObject({ status: 'matched', ref: 0 });
    const bundle = sampleBundle();
    const values = { owner: Owner.parse(bundle.owners[1]), work: Work.parse(bundle.works[0]), coOwners: [] };
    expect(planFill(matches, controls, values)[0]).toMatchObject({ action: 'locked', value: 'Windows 10' });
  });

  it('equal candidates for one key: ambiguous, with both named', () => {
    const controls = [ctl(0, [['form-label', '版本号']]), ctl(1, [['form-label', '版本号']])];
    expect(matchFields(controls, keys('work.version'))[0]).toMatchObject({ status: 'ambiguous', refs: [0, 1] });
    expect(matchFields(controls, [{ key: 'work.version', labels: ['版本号'] }])[0]).toMatchObject({ status: 'ambiguous', refs: [0, 1] });
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

  it('a text rule never takes a select, a choice rule never a text box', () => {
    const controls = [ctl(0, [['form-label', '软件分类']]), ctl(1, [['form-label', '软件全称']], { kind: 'select' })];
    expect(outcome(controls, keys('work.softwareCategory', 'work.fullName'))).toEqual({ 'work.softwareCategory': 'not-found', 'work.fullName': 'not-found' });
  });

  it('an options fingerprint names a radio group that has no label at all', () => {
    const controls = [ctl(0, [['options', '原始取得|继受取得']], { kind: 'radio', options: ['原始取得', '继受取得'] }), ctl(1, [['options', '全部权利|部分权利']], { kind: 'radio', options: ['全部权利', '部分权利'] })];
    expect(outcome(controls, keys('work.rightsAcquisition', 'work.rightsScope'))).toEqual({ 'work.rightsAcquisition': 0, 'work.rightsScope': 1 });
  });

  it('编程语言 over two controls: the shared title names the one of each key\'s kind (the adapter\'s rules)', () => {
    const title: [SignalSource, string] = ['shared-title', '编程语言'];
    const controls = [ctl(0, [title], { kind: 'checkbox', options: ['C', 'Go'] }), ctl(1, [title])];
    const rules = r11Features.fields.filter((r) => r.key === 'work.languages' || r.key === 'work.languagesOther');
    expect(outcome(controls, rules)).toEqual({ 'work.languages': 0, 'work.languagesOther': 1 });
    // Two text boxes under that title: the title names neither.
    expect(outcome([controls[0], ctl(1, [title]), ctl(2, [title])], rules)).toEqual({ 'work.languages': 0, 'work.languagesOther': 'not-found' });
  });

  it('编程语言 by the heuristics alone: the options and the placeholder', () => {
    const title: [SignalSource, string] = ['shared-title', '编程语言'];
    const controls = [
      ctl(0, [title, ['options', PORTAL_LANGUAGES.slice(0, 10).join('|')]], { kind: 'checkbox', options: PORTAL_LANGUAGES.slice(0, 10) }),
      ctl(1, [title, ['placeholder', '若有需要，请输入其他编程语言']]),
    ];
    expect(outcome(controls, keys('work.languages', 'work.languagesOther'))).toEqual({ 'work.languages': 0, 'work.languagesOther': 1 });
  });

  it('adapter rules come first: an exact prop wins over a better-sounding label elsewhere', () => {
    const controls = [ctl(0, [['form-label', '名称'], ['prop', 'ownerName']]), ctl(1, [['form-label', '机构名称'], ['prop', 'orgName']])];
    const [m] = matchFields(controls, [{ key: 'owner.name', prop: 'orgName' }]);
    expect(m).toMatchObject({ status: 'matched', ref: 1 });
    expect(m.why).toEqual({ match: 'rule', source: 'prop', text: 'orgName' });
  });

  it('records why each match was made', () => {
    const [m] = matchFields([ctl(0, [['placeholder', '请输入版本号']])], keys('work.version'));
    expect(m).toMatchObject({ status: 'matched' });
    expect(m.why).toEqual({ match: 'words', source: 'placeholder', text: '版本号', term: '版本号' });
  });

  it('says why none matched: a hidden control with the words is "hidden", no control at all is not', () => {
    expect(matchFields([ctl(0, [['label', '版本号']], { visible: false })], keys('work.version'))[0]).toEqual({ key: 'work.version', status: 'not-found', why: { match: 'none', hidden: true } });
    expect(matchFields([ctl(0, [['label', '联系电话']])], keys('work.version'))[0]).toEqual({ key: 'work.version', status: 'not-found', why: { match: 'none' } });
  });
});

describe('owner rows: position in the row, and the city inside the area cascader', () => {
  /** Row `i` as collect() sees it under r11Development's layout: six controls, no labels. */
  const row = (i: number, base: number, more: Partial<ControlSnapshot> = {}) =>
    (
      [
        ['select', 'country', '请选择国家'],
        ['cascader', 'province', '请选择地区'],
        ['select', 'category', '请选择身份类别'],
        ['text', 'name', '姓名或名称，与身份证明文件保持一致'],
        ['select', 'idType', '请选择证件类型'],
        ['text', 'idNumber', '请输入证件号码'],
      ] as const
    ).map(([kind, field, ph], k) => ctl(base + k, [['placeholder', ph], ['position', field]], { kind, scope: i, ...more }));

  it('each block\'s control is its field; the city is part of the province\'s cascader', () => {
    const controls = [ctl(0, [['placeholder', '请输入软件全称']]), ...row(0, 1), ...row(1, 7)];
    const rules = rowRules(r11Development.owners!, 1);
    const matches = matchFields(controls, rules, 1);
    expect(Object.fromEntries(matches.map((m) => [m.key, m.status === 'matched' ? m.ref : m.status]))).toEqual({
      'owners.1.country': 7,
      'owners.1.province': 8,
      'owners.1.city': 8,
      'owners.1.category': 9,
      'owners.1.name': 10,
      'owners.1.idNumber': 12,
      'owners.1.idType': 11,
    });
    expect(matches.find((m) => m.key === 'owners.1.city')!.why).toEqual({ match: 'part', host: 'owners.1.province' });
    // A row's keys never reach outside it: row 0's controls, the page's full name.
    expect(matches.every((m) => m.status !== 'matched' || (m.ref >= 7 && m.ref <= 12))).toBe(true);
  });

  it('a row scope sees only its own controls; the page scope none of a row\'s', () => {
    const controls = [...row(0, 0), ...row(1, 6)];
    expect(outcome(controls, rowRules(r11Development.owners!, 0), 0)['owners.0.name']).toBe(3);
    expect(outcome(controls, keys('owner.name'), null)).toEqual({ 'owner.name': 'not-found' });
  });

  it('the locked account row is matched (and so reported locked, not missing)', () => {
    const controls = row(0, 0, { enabled: false, value: 'x' });
    expect(Object.values(outcome(controls, rowRules(r11Development.owners!, 0), 0)).every((r) => typeof r === 'number')).toBe(true);
  });
});

describe('a section titled for someone else', () => {
  it('经办人 / 代理人 sections never take an owner\'s field, however well the label fits', () => {
    const agent = ctl(0, [['form-label', '联系电话'], ['shared-title', '经办人信息(选填)']]);
    const owner = ctl(1, [['form-label', '联系电话'], ['shared-title', '著作权人信息']]);
    expect(outcome([agent], keys('owner.phone'))).toEqual({ 'owner.phone': 'not-found' });
    expect(outcome([agent, owner], keys('owner.phone'))).toEqual({ 'owner.phone': 1 });
  });
});
