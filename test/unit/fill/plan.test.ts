import { describe, expect, it } from 'vitest';
import type { ControlSnapshot } from '@/utils/content/fill/collect';
import type { MatchResult } from '@/utils/content/fill/match';
import { planFill, type PlanItem } from '@/utils/content/fill/plan';
import type { FieldWhy, PlanValues } from '@/utils/contract/messages';
import type { ControlKind } from '@/utils/fields/catalogue';
import { FEATURE_TAGS, PORTAL_LANGUAGES } from '@/utils/fields/portal-options';
import { Owner } from '@/utils/schema/owner';
import { Work } from '@/utils/schema/work';
import { sampleBundle } from '../helpers';

// Planning (pure): what to do with each matched key, from snapshots as collect() makes them.

const bundle = sampleBundle();
const values = (work: Record<string, unknown> = {}, owner: Record<string, unknown> = {}): PlanValues => ({
  owner: Owner.parse({ ...bundle.owners[1], ...owner }),
  work: Work.parse({ ...bundle.works[0], ...work }),
  coOwners: [],
});

/** Any match's signal: planning passes it on untouched. */
const WHY: FieldWhy = { match: 'rule', source: 'label', text: '测试' };
const NONE: FieldWhy = { match: 'none' };

function ctl(kind: ControlKind, more: Partial<ControlSnapshot> = {}): ControlSnapshot {
  return { ref: 0, kind, signals: [], visible: true, enabled: true, required: false, maxLength: null, value: '', scope: null, ours: false, touched: false, placeholder: '', ...more };
}
/** Plans one key matched to one control. */
function planOne(key: string, c: ControlSnapshot, v = values(), opts = {}): PlanItem {
  const m: MatchResult = { key, status: 'matched', ref: 0, why: WHY };
  return planFill([m], [c], v, opts)[0];
}

describe('the actions', () => {
  it('fill: an empty text box takes the profile\'s value, with why it was chosen', () => {
    expect(planOne('work.fullName', ctl('text'))).toEqual({ key: 'work.fullName', ref: 0, why: WHY, action: 'fill', value: '云帆客户关系管理系统' });
  });

  it('same: the page already shows the value (text, radio, a select saying APP for 应用软件)', () => {
    expect(planOne('work.version', ctl('text', { value: 'V1.0' }))).toMatchObject({ action: 'same', reason: '页面上已是资料中的值' });
    expect(planOne('work.rightsAcquisition', ctl('radio', { value: '原始取得', options: ['原始取得', '继受取得'], checked: ['原始取得'] }))).toMatchObject({ action: 'same' });
    expect(planOne('work.softwareCategory', ctl('select', { value: 'APP' }))).toMatchObject({ action: 'same' });
  });

  it('kept: the user\'s own text stays, unless asked to overwrite, which says what it replaced', () => {
    expect(planOne('work.devOs', ctl('text', { value: 'Windows 10 专业版' }))).toMatchObject({ action: 'kept', value: 'Windows 10 专业版', reason: '保留页面上已有的值' });
    expect(planOne('work.devOs', ctl('text', { value: 'Windows 10 专业版' }), values(), { overwrite: true })).toMatchObject({
      action: 'fill',
      value: 'Windows 11',
      note: '替换了页面上原有的“Windows 10 专业版”',
    });
  });

  it('fill again: a value we filled earlier is ours to replace, silently', () => {
    const item = planOne('work.devOs', ctl('text', { value: 'macOS', ours: true }));
    expect(item).toMatchObject({ action: 'fill', value: 'Windows 11' });
    expect(item).not.toHaveProperty('note');
  });

  it('locked: a disabled control is reported with what it shows, whatever the profile says', () => {
    expect(planOne('owners.0.name', ctl('text', { enabled: false, value: '北京云帆科技有限公司', scope: 0 }))).toMatchObject({ action: 'locked', value: '北京云帆科技有限公司', reason: '页面上该字段不可修改' });
    expect(planOne('work.devOs', ctl('text', { enabled: false }))).toMatchObject({ action: 'locked' });
  });

  it('too-long: the value whole, never truncated; the page\'s limit first, the portal table when it says nothing', () => {
    const long = '硬'.repeat(51);
    expect(planOne('work.devHardware', ctl('text'), values({ devHardware: long }))).toEqual({
      key: 'work.devHardware',
      ref: 0,
      why: WHY,
      action: 'too-long',
      value: long,
      reason: '51 字，超过上限 50 字',
    });
    // The page says 100 (a conflict docs/PORTALS.md reports for the hardware pair): 51 fits.
    expect(planOne('work.devHardware', ctl('text', { maxLength: 100 }), values({ devHardware: long }))).toMatchObject({ action: 'fill', value: long });
    // …and 1000 for the main functions on a page that says so, where the table says 1300.
    const text = '功'.repeat(1100);
    expect(planOne('work.mainFunctions', ctl('text'), values({ mainFunctions: text }))).toMatchObject({ action: 'fill', value: text });
    expect(planOne('work.mainFunctions', ctl('text', { maxLength: 1000 }), values({ mainFunctions: text }))).toMatchObject({ action: 'too-long', value: text });
    expect(planOne('work.mainFunctions', ctl('text'), values({ mainFunctions: '功'.repeat(1301) }))).toMatchObject({ action: 'too-long' });
    expect(planOne('work.shortName', ctl('text', { maxLength: 4 }))).toMatchObject({ action: 'too-long', value: '云帆CRM', reason: '5 字，超过上限 4 字' });
    expect(planOne('work.shortName', ctl('text', { maxLength: 5 }))).toMatchObject({ action: 'fill', value: '云帆CRM' });
    // A Windows line break is one character in a textarea.
    expect(planOne('work.devHardware', ctl('text', { maxLength: 5 }), values({ devHardware: 'ab\r\ncd' }))).toMatchObject({ action: 'fill' });
  });

  it('no-value: the page has the field, the profile nothing', () => {
    expect(planOne('work.shortName', ctl('text'), values({ shortName: '' }))).toMatchObject({ action: 'no-value', ref: 0, reason: '资料中没有软件简称' });
    // An unpublished work has no publication date, whatever the record holds.
    expect(planOne('work.firstPublishedDate', ctl('date'), values({ published: false }))).toMatchObject({ action: 'no-value' });
    const [missing] = planFill([{ key: 'work.shortName', status: 'not-found', why: NONE }], [], values({ shortName: '' }));
    // Neither page nor profile has it: nothing to report, no control to point at.
    expect(missing).toEqual({ key: 'work.shortName', action: 'no-value', reason: '资料中没有软件简称' });
  });

  it('not-found and ambiguous matches carry through with a reason', () => {
    const [a, b] = planFill(
      [
        { key: 'work.fullName', status: 'not-found', why: NONE },
        { key: 'work.version', status: 'ambiguous', refs: [0, 1], why: { match: 'ambiguous', controls: 2, between: 'controls' } },
      ],
      [],
      values(),
    );
    expect(a).toMatchObject({ action: 'not-found', reason: '页面上没有找到该字段', why: NONE });
    expect(b).toMatchObject({ action: 'ambiguous', reason: '有 2 个字段都可能是“版本号”，未填写', why: { match: 'ambiguous', controls: 2, between: 'controls' } });
  });

  it('part: the city rides on the province\'s cascader, which carries [province, city]', () => {
    const area = ctl('cascader', { scope: 0 });
    const [province, city] = planFill(
      [
        { key: 'owners.0.province', status: 'matched', ref: 0, why: { match: 'rule', source: 'position', text: 'province' } },
        { key: 'owners.0.city', status: 'matched', ref: 0, why: { match: 'part', host: 'owners.0.province' } },
      ],
      [area],
      values(),
    );
    expect(province).toMatchObject({ action: 'fill', value: ['北京市', '北京市'] });
    expect(city).toEqual({ key: 'owners.0.city', action: 'part', ref: 0, host: 'owners.0.province', why: { match: 'part', host: 'owners.0.province' } });
  });

  it('the district comes from the address only where the form has a district of its own (the certificate address)', () => {
    // An owner's area: no district in the profile, so a cascader that offers one stops at the city.
    expect(planOne('owners.0.province', ctl('cascader', { scope: 0 }))).toMatchObject({ value: ['北京市', '北京市'] });
    expect(planOne('address.province', ctl('cascader'))).toMatchObject({ action: 'fill', value: ['北京市', '北京市', '北京市海淀区中关村大街1号'] });
  });
});

describe('choices: the page\'s preset is not the user\'s', () => {
  it('a radio, a select or a cascader the site preset is replaced, saying so', () => {
    const radio = ctl('radio', { value: '单独开发', options: ['单独开发', '合作开发'], checked: ['单独开发'] });
    expect(planOne('work.developmentMode', radio, values({ developmentMode: '合作开发' }))).toMatchObject({ action: 'fill', value: '合作开发', note: '替换了页面上原有的“单独开发”' });
    expect(planOne('owners.0.country', ctl('select', { value: '美国', scope: 0 }))).toMatchObject({ action: 'fill', value: '中国' });
    expect(planOne('owners.0.province', ctl('cascader', { value: '江苏 / 常州', scope: 0 }))).toMatchObject({ action: 'fill', value: ['北京市', '北京市'] });
  });

  it('…unless the user touched it on this page', () => {
    const radio = ctl('radio', { value: '单独开发', options: ['单独开发', '合作开发'], checked: ['单独开发'], touched: true });
    expect(planOne('work.developmentMode', radio, values({ developmentMode: '合作开发' }))).toMatchObject({ action: 'kept', value: '单独开发' });
    expect(planOne('owners.0.country', ctl('select', { value: '美国', touched: true }))).toMatchObject({ action: 'kept' });
    expect(planOne('owners.0.province', ctl('cascader', { value: '江苏 / 常州', touched: true }))).toMatchObject({ action: 'kept', value: '江苏 / 常州' });
  });

  it('a cascader already showing the area (short names) is the same', () => {
    expect(planOne('owners.0.province', ctl('cascader', { value: '北京 / 北京' }))).toMatchObject({ action: 'same' });
    expect(planOne('owners.0.province', ctl('cascader', { value: '北京 / 天津' }))).toMatchObject({ action: 'fill' });
  });

  it('radio: the exact option, an equivalent (应用软件 ↔ APP, 修改 ↔ 修改（含…）), or no-value', () => {
    expect(planOne('work.softwareCategory', ctl('radio', { options: ['APP', '嵌入式软件', '中间件', '操作系统'] }))).toMatchObject({ action: 'fill', value: 'APP' });
    expect(planOne('work.softwareNote', ctl('radio', { options: ['原创', '修改（含翻译软件、合成软件）'] }), values({ softwareNote: '修改' }))).toMatchObject({
      action: 'fill',
      value: '修改（含翻译软件、合成软件）',
    });
    expect(planOne('owners.0.category', ctl('radio', { options: ['自然人', '企业法人'] }), values({}, { category: '其他组织' }))).toMatchObject({ action: 'no-value', reason: '选项中没有“其他组织”' });
    expect(planOne('work.published', ctl('radio', { options: ['已发表', '未发表'] }), values({ published: false }))).toMatchObject({ action: 'fill', value: '未发表' });
  });

  it('a select is planned with the profile\'s words: its driver picks among the options it loads', () => {
    expect(planOne('work.softwareCategory', ctl('select'))).toMatchObject({ action: 'fill', value: '应用软件' });
  });

  it('dates: ISO days pass, anything else is refused', () => {
    expect(planOne('work.completionDate', ctl('date'))).toMatchObject({ action: 'fill', value: '2026-06-30' });
    // The schema takes ISO days only; a value from elsewhere is refused all the same.
    const v = values();
    expect(planOne('work.completionDate', ctl('date'), { ...v, work: { ...v.work!, completionDate: '2026/6/30' } })).toMatchObject({ action: 'not-found', reason: '资料中的日期“2026/6/30”不是 YYYY-MM-DD' });
  });
});

describe('checkbox groups', () => {
  /** 技术特点 as a page shows it before 展开更多: the first eight tags. */
  const tags = (more: Partial<ControlSnapshot> = {}) => ctl('checkbox', { options: FEATURE_TAGS.slice(0, 8), checked: [], cap: 3, ...more });

  it('tags held back behind 展开更多 are still the field\'s: the page\'s options with the known ones', () => {
    expect(tags().options).not.toContain('物联网软件');
    expect(planOne('work.featureTags', tags(), values({ featureTags: ['物联网软件', 'APP'] }))).toMatchObject({ action: 'fill', value: ['物联网软件', 'APP'] });
  });

  it('a tag no option names is listed in a note; none named at all is no-value', () => {
    expect(planOne('work.featureTags', tags(), values({ featureTags: ['云计算软件', '区块链软件'] }))).toMatchObject({ action: 'fill', value: ['云计算软件'], note: '选项中没有：区块链软件' });
    expect(planOne('work.featureTags', tags(), values({ featureTags: ['区块链软件'] }))).toMatchObject({ action: 'no-value', reason: '选项中没有“区块链软件”' });
  });

  it('more than the cap: too-long, nothing to tick (which three is the user\'s choice)', () => {
    const four = ['APP', '游戏软件', '教育软件', '金融软件'];
    const item = planOne('work.featureTags', tags(), values({ featureTags: four }));
    expect(item).toMatchObject({ action: 'too-long', reason: '资料中有 4 项，页面最多选择 3 项，请自行选择' });
    expect(item).not.toHaveProperty('value');
    expect(planOne('work.featureTags', tags(), values({ featureTags: four.slice(0, 3) }))).toMatchObject({ action: 'fill', value: four.slice(0, 3) });
    // Without a stated cap the page decides.
    expect(planOne('work.featureTags', tags({ cap: undefined }), values({ featureTags: four }))).toMatchObject({ action: 'fill', value: four });
  });

  it('the user\'s ticks are kept; the same ticks are the same', () => {
    expect(planOne('work.featureTags', tags({ checked: ['APP'], value: 'APP' }))).toMatchObject({ action: 'kept', value: 'APP' });
    expect(planOne('work.featureTags', tags({ checked: ['云计算软件'], value: '云计算软件' }))).toMatchObject({ action: 'same' });
  });
});

describe('编程语言: the 21 options take what they name, the other-language box the rest', () => {
  // The page shows the first ten languages until 展开更多 is clicked.
  const group = ctl('checkbox', { ref: 0, options: PORTAL_LANGUAGES.slice(0, 10), checked: [] });
  const other = ctl('text', { ref: 1 });
  const plan = (languages: string, box = other) =>
    planFill(
      [
        { key: 'work.languages', status: 'matched', ref: 0, why: WHY },
        { key: 'work.languagesOther', status: 'matched', ref: 1, why: WHY },
      ],
      [group, box],
      values({ languages }),
    );
  it.each<[string, Partial<PlanItem>, Partial<PlanItem>]>([
    ['Java、JavaScript', { action: 'fill', value: ['Java', 'JavaScript'] }, { action: 'no-value', reason: '全部编程语言都在选项中' }],
    ['Java', { action: 'fill', value: ['Java'] }, { action: 'no-value' }],
    ['SQL', { action: 'fill', value: ['SQL'] }, { action: 'no-value' }],
    ['SQL、PL/SQL', { action: 'fill', value: ['SQL', 'PL/SQL'] }, { action: 'no-value' }],
    ['PL/SQL、Delphi/Object Pascal', { action: 'fill', value: ['PL/SQL', 'Delphi/Object Pascal'] }, { action: 'no-value' }],
    ['java，python; Rust', { action: 'fill', value: ['Java', 'Python'] }, { action: 'fill', value: 'Rust' }],
    ['Go、Rust、Shell', { action: 'fill', value: ['Go'] }, { action: 'fill', value: 'Rust、Shell' }],
    ['Rust', { action: 'no-value' }, { action: 'fill', value: 'Rust' }],
    // "Script" is inside JavaScript, but a partial hit is no option: it goes to the text box.
    ['Script', { action: 'no-value' }, { action: 'fill', value: 'Script' }],
  ])('%s', (languages, wantGroup, wantText) => {
    const [g, t] = plan(languages);
    expect(g).toMatchObject(wantGroup);
    expect(t).toMatchObject(wantText);
  });

  it('a page with no options to tick: the one box takes every language, listed ones too', () => {
    const [t] = planFill([{ key: 'work.languagesOther', status: 'matched', ref: 0, why: WHY }], [ctl('text', { ref: 0 })], values({ languages: 'Java、Rust' }));
    expect(t).toMatchObject({ action: 'fill', value: 'Java、Rust' });
  });

  it('the other-language box has its own limit; too long is reported whole', () => {
    const rest = 'Rust、Kotlin、Scala、Elixir、Haskell、Clojure';
    expect(plan(`Java、${rest}`, ctl('text', { ref: 1, maxLength: 20 }))[1]).toMatchObject({ action: 'too-long', value: rest, reason: `${rest.length} 字，超过上限 20 字` });
    expect(plan(`Java、${rest}`, ctl('text', { ref: 1, maxLength: 120 }))[1]).toMatchObject({ action: 'fill', value: rest });
  });
});

describe('an owner row that already names someone else', () => {
  const row = (name: string) =>
    planFill(
      [
        { key: 'owners.0.name', status: 'matched', ref: 0, why: WHY },
        { key: 'owners.0.idNumber', status: 'matched', ref: 1, why: WHY },
      ],
      [ctl('text', { ref: 0, value: name, scope: 0 }), ctl('text', { ref: 1, scope: 0 })],
      values(),
    );
  it('is the user\'s draft for another owner: every field of it kept, the empty ones too', () => {
    expect(row('张小三').map((p) => p.action)).toEqual(['kept', 'kept']);
  });
  it('…but a row holding this owner\'s own name is filled where empty', () => {
    const name = values().owner!.name;
    expect(row(name).map((p) => p.action)).toEqual(['same', 'fill']);
  });
});
