import { FIELD_LIMITS, countChars } from '@/utils/rules/limits';
import type { ControlSnapshot } from './collect';
import { specOf } from '@/utils/fields/catalogue';
import { valueFor, type RawValue } from '@/utils/fields/values';
import type { PlanValues } from '@/utils/contract/messages';
import type { MatchResult } from './match';
import { normalizeText, optionKey } from '@/utils/text/normalize';
import { pickOption, sameOption } from '@/utils/text/options';

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

interface PlanBase {
  key: string;
  reason?: string;
  /** Why the control was chosen (the match's explanation). */
  why?: string;
}
/** What not to do, and why. */
export type PlanSkip = Exclude<PlanAction, 'fill'>;
export type PlanItem =
  /** `value` as the control takes it: option text, formatted date, the list of options. */
  | (PlanBase & { action: 'fill'; ref: number; value: string | string[] })
  | (PlanBase & { action: PlanSkip; ref?: number; value?: string | string[] });

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

type Formatted = { value: string | string[]; limit?: number } | { action: PlanSkip; reason: string };

/** The formatted value, or a reason the control cannot take the profile's value. */
function format(key: string, raw: RawValue, c: ControlSnapshot, siblings: ReadonlyMap<string, ControlSnapshot>): Formatted {
  if (key === 'work.languagesOther') {
    // The options of the 编程语言 group take what they can; the text box takes the rest, within
    // what the options left of the field's one limit (options + text).
    const group = siblings.get('work.languages');
    const { picked, rest } = group?.options ? splitByOptions(raw as string[], group.options) : { picked: [], rest: raw as string[] };
    if (!rest.length) return { action: 'no-value', reason: '全部编程语言已在选项中勾选' };
    const used = picked.length ? countChars(picked.join('、')) + 1 : 0;
    return { value: rest.join('、'), limit: FIELD_LIMITS.languages.max - used };
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
function limitFor(key: string, c: ControlSnapshot, f: { limit?: number }): number | null {
  if (c.maxLength !== null) return c.maxLength;
  if (f.limit !== undefined) return f.limit;
  const field = key.startsWith('work.') ? key.slice('work.'.length) : '';
  return field in FIELD_LIMITS ? FIELD_LIMITS[field as keyof typeof FIELD_LIMITS].max : null;
}

export function planFill(matches: readonly MatchResult[], controls: readonly ControlSnapshot[], values: PlanValues, opts: PlanOptions = {}): PlanItem[] {
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
    const limit = typeof f.value === 'string' ? limitFor(m.key, c, f) : null;
    const length = typeof f.value === 'string' ? countChars(f.value) : 0;
    if (limit !== null && length > limit) {
      // Never truncate: a cut-off registration text is a wrong fill.
      return { ...base, action: 'too-long', value: f.value, reason: `${length} 字，超过上限 ${limit} 字` };
    }
    return { ...base, action: 'fill', value: f.value };
  });
}
