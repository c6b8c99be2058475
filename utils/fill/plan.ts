import { FEATURE_LIMITS } from '../portals/limits';
import type { ControlSnapshot } from './collect';
import { specOf, valueFor, type FillValues, type RawValue } from './keys';
import type { MatchResult } from './match';
import { normalizeText, optionKey, pickOption, sameOption } from './text';

/**
 * Plan (pure): for each matched key, the value formatted for its control and what to do with it.
 * Nothing here touches the page; the user can see the plan before it runs.
 */

export type PlanAction =
  | 'fill'
  /** The page already shows the profile's value. */
  | 'same'
  /** The user's own value: never overwritten unless asked. */
  | 'kept'
  | 'too-long'
  | 'ambiguous'
  | 'not-found'
  /** The profile has nothing for this field. */
  | 'no-value';

export interface PlanItem {
  key: string;
  action: PlanAction;
  ref?: number;
  /** The value as the control takes it: option text, formatted date, the list of options. */
  value?: string | string[];
  reason?: string;
  /** Why the control was chosen (the match's explanation). */
  why?: string;
}

export interface PlanOptions {
  /** Fill fields that already hold a value not filled by us. Off by default. */
  overwrite?: boolean;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An ISO day in the format the control's placeholder shows (2020/01/01, 2020年01月01日), ISO otherwise. */
export function formatDate(iso: string, placeholder: string): string | null {
  const m = ISO_DAY.exec(iso);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (/\d{4}\/\d{1,2}\/\d{1,2}|y{4}\/m{2}\/d{2}/i.test(placeholder)) return `${y}/${mo}/${d}`;
  if (/\d{4}年\d{1,2}月\d{1,2}日|y{4}年m{2}月d{2}日/i.test(placeholder)) return `${y}年${mo}月${d}日`;
  return iso;
}

/** Characters as maxlength counts them: UTF-16 units, a Windows line break once (a textarea stores \n). */
const charCount = (s: string) => s.replace(/\r\n/g, '\n').length;

const asText = (v: RawValue) => (Array.isArray(v) ? v.join('、') : v);

/** Options of a group that the wanted texts name, and the wanted texts that none names. */
function splitByOptions(wanted: readonly string[], options: readonly string[]): { picked: string[]; rest: string[] } {
  const picked: string[] = [];
  const rest: string[] = [];
  for (const w of wanted) {
    const p = pickOption(w, options);
    if (p.ok && p.how !== 'partial') picked.push(options[p.index]);
    else rest.push(w);
  }
  return { picked: [...new Set(picked)], rest };
}

/** The formatted value, or a reason the control cannot take the profile's value. */
function format(key: string, raw: RawValue, c: ControlSnapshot, siblings: ReadonlyMap<string, ControlSnapshot>): { value: string | string[] } | { action: PlanAction; reason: string } {
  if (key === 'work.languagesOther') {
    // The options of the 编程语言 group take what they can; the text box takes the rest.
    const group = siblings.get('work.languages');
    const rest = group?.options ? splitByOptions(raw as string[], group.options).rest : (raw as string[]);
    return rest.length ? { value: rest.join('、') } : { action: 'no-value', reason: '全部编程语言已在选项中勾选' };
  }
  switch (c.kind) {
    case 'date': {
      const v = formatDate(asText(raw), c.placeholder);
      return v ? { value: v } : { action: 'not-found', reason: `资料中的日期“${asText(raw)}”不是 YYYY-MM-DD` };
    }
    case 'radio': {
      const p = pickOption(asText(raw), c.options ?? []);
      if (p.ok) return { value: c.options![p.index] };
      return { action: p.reason === 'ambiguous' ? 'ambiguous' : 'not-found', reason: `选项中没有“${asText(raw)}”` };
    }
    case 'checkbox': {
      const { picked, rest } = splitByOptions(Array.isArray(raw) ? raw : [raw], c.options ?? []);
      // 编程语言 puts the rest in its text box; anywhere else an unknown tag is simply not offered.
      if (!picked.length) return { action: key === 'work.languages' ? 'no-value' : 'not-found', reason: `选项中没有“${rest.join('、')}”` };
      return { value: picked };
    }
    // A custom select shows its options only when opened: the driver picks among them.
    case 'select':
      return { value: asText(raw) };
    case 'text':
      return { value: asText(raw) };
  }
}

function isSame(c: ControlSnapshot, value: string | string[]): boolean {
  if (Array.isArray(value)) {
    const have = new Set((c.checked ?? []).map(optionKey));
    return have.size === value.length && value.every((v) => have.has(optionKey(v)));
  }
  return c.kind === 'select' || c.kind === 'radio' ? sameOption(c.value, value) : normalizeText(c.value) === normalizeText(value);
}

/** The page's limit first (maxlength, counter); the portal table only when the page says nothing. */
function limitFor(key: string, c: ControlSnapshot): number | null {
  return c.maxLength ?? FEATURE_LIMITS[key] ?? null;
}

export function planFill(matches: readonly MatchResult[], controls: readonly ControlSnapshot[], values: FillValues, opts: PlanOptions = {}): PlanItem[] {
  const matched = new Map<string, ControlSnapshot>();
  for (const m of matches) if (m.status === 'matched') matched.set(m.key, controls[m.ref]);
  return matches.map((m): PlanItem => {
    const raw = valueFor(m.key, values);
    if (raw === undefined) return { key: m.key, action: 'no-value', reason: `资料中没有${specOf(m.key)?.zh ?? m.key}` };
    if (m.status === 'not-found') return { key: m.key, action: 'not-found', reason: '页面上没有找到该字段', why: m.why };
    if (m.status === 'ambiguous') return { key: m.key, action: 'ambiguous', reason: `有 ${m.refs.length} 个字段都可能是“${specOf(m.key)?.zh ?? m.key}”，未填写`, why: m.why };
    const c = controls[m.ref];
    const base = { key: m.key, ref: c.ref, why: m.why };
    const f = format(m.key, raw, c, matched);
    if ('action' in f) return { ...base, action: f.action, reason: f.reason };
    if (isSame(c, f.value)) return { ...base, action: 'same', value: f.value, reason: '页面上已是资料中的值' };
    if (c.value !== '' && !c.ours && !opts.overwrite) return { ...base, action: 'kept', value: c.value, reason: '保留页面上已有的值' };
    const limit = typeof f.value === 'string' ? limitFor(m.key, c) : null;
    const length = typeof f.value === 'string' ? charCount(f.value) : 0;
    if (limit !== null && length > limit) {
      // Never truncate: a cut-off registration text is a wrong fill.
      return { ...base, action: 'too-long', value: f.value, reason: `${length} 字，超过上限 ${limit} 字` };
    }
    return { ...base, action: 'fill', value: f.value };
  });
}
