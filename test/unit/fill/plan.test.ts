import { describe, expect, it } from 'vitest';
import type { ControlSnapshot } from '@/utils/content/fill/collect';
import type { ControlKind } from '@/utils/fields/catalogue';
import type { PlanValues } from '@/utils/contract/messages';
import type { MatchResult } from '@/utils/content/fill/match';
import { formatDate, planFill } from '@/utils/content/fill/plan';
import { Owner } from '@/utils/schema/owner';
import { Work } from '@/utils/schema/work';
import { sampleBundle } from '../helpers';

const bundle = sampleBundle();
const values = (work: Record<string, unknown> = {}, owner: Record<string, unknown> = {}): PlanValues => ({
  owner: Owner.parse({ ...bundle.owners[1], ...owner }),
  work: Work.parse({ ...bundle.works[0], ...work }),
  coOwners: [],
});

function ctl(kind: ControlKind, more: Partial<ControlSnapshot> = {}): ControlSnapshot {
  return { ref: 0, kind, signals: [], visible: true, enabled: true, readonly: false, required: false, maxLength: null, value: '', scope: null, ours: false, placeholder: '', ...more };
}
/** Plans one key matched to one control. */
function planOne(key: string, c: ControlSnapshot, v = values(), opts = {}) {
  const m: MatchResult = { key, status: 'matched', ref: 0, why: 'test' };
  return planFill([m], [c], v, opts)[0];
}

describe('formatDate: the control\'s own format', () => {
  it.each([
    ['2026-06-30', '选择日期', '2026-06-30'],
    ['2026-06-30', '请输入日期，如2020-01-01', '2026-06-30'],
    ['2026-06-30', 'yyyy/mm/dd', '2026/06/30'],
    ['2026-06-30', '例：2020/1/1', '2026/06/30'],
    ['2026-06-30', 'YYYY年MM月DD日', '2026年06月30日'],
    ['2026-6-30', '', null],
  ])('%s with %j → %j', (iso, placeholder, want) => expect(formatDate(iso, placeholder)).toBe(want));
});

describe('planning one field', () => {
  it('fills an empty text box with the profile value', () => {
    expect(planOne('work.fullName', ctl('text'))).toMatchObject({ action: 'fill', value: '云帆客户关系管理系统' });
  });

  it('keeps what the user typed and says what it kept', () => {
    expect(planOne('work.devOs', ctl('text', { value: 'Windows 10 专业版' }))).toMatchObject({ action: 'kept', value: 'Windows 10 专业版' });
  });

  it('refills its own earlier value, and overwrites the user\'s only when asked', () => {
    expect(planOne('work.devOs', ctl('text', { value: 'macOS', ours: true }))).toMatchObject({ action: 'fill', value: 'Windows 11' });
    expect(planOne('work.devOs', ctl('text', { value: 'macOS' }), values(), { overwrite: true })).toMatchObject({ action: 'fill', value: 'Windows 11' });
  });

  it('the page already showing the value is no change', () => {
    expect(planOne('work.version', ctl('text', { value: 'V1.0' }))).toMatchObject({ action: 'same' });
    expect(planOne('owner.province', ctl('select', { value: '北京' }))).toMatchObject({ action: 'same' });
  });

  it('too long: reported with the value whole, never truncated; the page limit wins over the table', () => {
    const long = 'x'.repeat(51);
    expect(planOne('work.devHardware', ctl('text'), values({ devHardware: long }))).toMatchObject({ action: 'too-long', value: long, reason: '51 字，超过上限 50 字' });
    // The page's counter says 1300: a 1100-character text fits although the table says 1000.
    const text = '功'.repeat(1100);
    expect(planOne('work.mainFunctions', ctl('text', { maxLength: 1300 }), values({ mainFunctions: text }))).toMatchObject({ action: 'fill', value: text });
    expect(planOne('work.mainFunctions', ctl('text'), values({ mainFunctions: text }))).toMatchObject({ action: 'too-long' });
    // A Windows line break is one character in a textarea.
    expect(planOne('work.devHardware', ctl('text', { maxLength: 5 }), values({ devHardware: 'ab\r\ncd' }))).toMatchObject({ action: 'fill' });
  });

  it('radio: the exact option text, an equivalent, or nothing', () => {
    const group = ctl('radio', { options: ['自然人', '企业法人', '事业法人'] });
    expect(planOne('owner.category', group, values({}, { category: '事业单位法人' }))).toMatchObject({ action: 'fill', value: '事业法人' });
    expect(planOne('owner.category', group, values({}, { category: '其他组织' }))).toMatchObject({ action: 'not-found', reason: '选项中没有“其他组织”' });
    expect(planOne('work.published', ctl('radio', { options: ['已发表', '未发表'] }), values({ published: false }))).toMatchObject({ action: 'fill', value: '未发表' });
  });

  it('a custom select is planned with the wanted text; its driver picks among the options it shows', () => {
    expect(planOne('owner.province', ctl('select'))).toMatchObject({ action: 'fill', value: '北京市' });
  });

  it('dates in the control\'s format', () => {
    expect(planOne('work.completionDate', ctl('date', { placeholder: 'yyyy/mm/dd' }))).toMatchObject({ action: 'fill', value: '2026/06/30' });
  });

  it('checkbox tags: the options named; none named is not found', () => {
    const tags = ctl('checkbox', { options: ['APP', '云计算软件', '大数据软件'], checked: [] });
    expect(planOne('work.featureTags', tags)).toMatchObject({ action: 'fill', value: ['云计算软件'] });
    expect(planOne('work.featureTags', tags, values({ featureTags: ['区块链软件'] }))).toMatchObject({ action: 'not-found' });
    expect(planOne('work.featureTags', { ...tags, checked: ['APP'], value: 'APP' })).toMatchObject({ action: 'kept', value: 'APP' });
  });

  it('nothing in the profile: no-value, whatever the page has', () => {
    expect(planOne('work.shortName', ctl('text'), values({ shortName: '' }))).toMatchObject({ action: 'no-value' });
    expect(planOne('owner.landline', ctl('text'), values({}, { landline: undefined }))).toMatchObject({ action: 'no-value' });
  });

  it('not-found and ambiguous matches carry through with a reason', () => {
    const v = values();
    const [a, b] = planFill(
      [
        { key: 'work.fullName', status: 'not-found', why: 'x' },
        { key: 'work.version', status: 'ambiguous', refs: [0, 1], why: 'y' },
      ],
      [],
      v,
    );
    expect(a).toMatchObject({ action: 'not-found' });
    expect(b).toMatchObject({ action: 'ambiguous', reason: '有 2 个字段都可能是“版本号”，未填写' });
  });
});

describe('编程语言: options take what they can, the text box the rest', () => {
  const group = { ...ctl('checkbox', { options: ['C', 'C++', 'Java', 'JavaScript'], checked: [] }), ref: 0 };
  const other = { ...ctl('text'), ref: 1 };
  const plan = (languages: string) =>
    planFill(
      [
        { key: 'work.languages', status: 'matched', ref: 0, why: '' },
        { key: 'work.languagesOther', status: 'matched', ref: 1, why: '' },
      ],
      [group, other],
      values({ languages }),
    );
  it.each([
    ['Java、JavaScript', { action: 'fill', value: ['Java', 'JavaScript'] }, { action: 'no-value' }],
    ['Java、Rust、Zig', { action: 'fill', value: ['Java'] }, { action: 'fill', value: 'Rust、Zig' }],
    ['Rust', { action: 'no-value' }, { action: 'fill', value: 'Rust' }],
    // "Script" is inside JavaScript, but a partial hit is no option: it goes to the text box.
    ['Script', { action: 'no-value' }, { action: 'fill', value: 'Script' }],
  ])('%s', (languages, wantGroup, wantText) => {
    const [g, t] = plan(languages);
    expect(g).toMatchObject(wantGroup);
    expect(t).toMatchObject(wantText);
  });

  it('options and text share one limit of 120 when the page shows none', () => {
    const rest = 'L'.repeat(115);
    // Java plus its separator use 5 of the 120 characters: 115 are left for the text box.
    expect(plan(`Java、${rest}`)[1]).toMatchObject({ action: 'fill', value: rest });
    expect(plan(`Java、${rest}L`)[1]).toMatchObject({ action: 'too-long', reason: '116 字，超过上限 115 字' });
  });
});
