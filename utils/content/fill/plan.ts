import { rowKey, specOf } from '@/utils/fields/catalogue';
import { choiceTexts, PORTAL_LANGUAGES } from '@/utils/fields/portal-options';
import { valueFor, type RawValue } from '@/utils/fields/values';
import type { FieldWhy, PlanValues } from '@/utils/contract/messages';
import { FIELD_LIMITS, countChars } from '@/utils/rules/limits';
import { normalizeText, optionKey } from '@/utils/text/normalize';
import { pickOption, sameArea, sameOption } from '@/utils/text/options';
import type { ControlSnapshot } from './collect';
import type { MatchResult } from './match';

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
  /** The page shows the field read-only or disabled (the account's own owner row). */
  | 'locked'
  | 'too-long'
  | 'ambiguous'
  | 'not-found'
  /** The page has the field, the profile has nothing for it. */
  | 'no-value'
  /** Held by another key's control (城市 in the 省份 cascader): done when that one is. */
  | 'part';

interface PlanBase {
  key: string;
  reason?: string;
  /** Why the control was chosen, or why none was (the match's signal). */
  why?: FieldWhy;
}
/** What not to do, and why. */
export type PlanSkip = Exclude<PlanAction, 'fill' | 'part'>;
export type PlanItem =
  /** `value` as the control takes it: an option's text (a select: the texts it may take, best first), an ISO day, the options to tick, the area's path. */
  | (PlanBase & { action: 'fill'; ref: number; value: string | string[]; note?: string })
  | (PlanBase & { action: 'part'; ref: number; host: string })
  | (PlanBase & { action: PlanSkip; ref?: number; value?: string | string[] });

export interface PlanOptions {
  /** Fill fields that already hold a value not filled by us. Off by default. */
  overwrite?: boolean;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An ISO day in the format a typed date field's placeholder shows (2020/01/01, 2020年01月01日), ISO otherwise. */
export function formatDate(iso: string, placeholder: string): string | null {
  const m = ISO_DAY.exec(iso);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (/\d{4}\/\d{1,2}\/\d{1,2}|y{4}\/m{2}\/d{2}/i.test(placeholder)) return `${y}/${mo}/${d}`;
  if (/\d{4}年\d{1,2}月\d{1,2}日|y{4}年m{2}月d{2}日/i.test(placeholder)) return `${y}年${mo}月${d}日`;
  return iso;
}

const asText = (v: RawValue) => (Array.isArray(v) ? v.join('、') : v);

/**
 * A planned value as the control will show it once filled (what `shownValue` reads back): a
 * select its first alternative, a cascader its path, ticked options in a list.
 */
export function shownText(kind: ControlSnapshot['kind'], value: string | string[]): string {
  if (!Array.isArray(value)) return value;
  if (kind === 'select') return value[0] ?? '';
  return value.join(kind === 'cascader' ? ' / ' : '、');
}

/** Options of a group that the wanted texts name (exactly or by an equivalent), and the wanted texts none names. */
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

type Formatted = { value: string | string[]; limit?: number; note?: string } | { action: PlanSkip; reason: string };

/** The formatted value, or a reason the control cannot take the profile's value. */
function format(key: string, raw: RawValue, c: ControlSnapshot, languageOptions: boolean): Formatted {
  const list = Array.isArray(raw) ? raw : [raw];
  if (key === 'work.languagesOther') {
    // A listed language goes to its option, never into the box; the box takes the rest, or every
    // language where the page offers no options to tick.
    if (!languageOptions) return { value: list.join('、') };
    const { rest } = splitByOptions(list, PORTAL_LANGUAGES);
    return rest.length ? { value: rest.join('、') } : { action: 'no-value', reason: '全部编程语言都在选项中' };
  }
  switch (c.kind) {
    case 'date':
      return ISO_DAY.test(asText(raw)) ? { value: asText(raw) } : { action: 'not-found', reason: `资料中的日期“${asText(raw)}”不是 YYYY-MM-DD` };
    case 'radio': {
      const texts = choiceTexts(asText(raw));
      for (const [i, text] of texts.entries()) {
        const p = pickOption(text, c.options ?? []);
        if (p.ok) return { value: c.options![p.index], ...(i ? { note: `“${texts[0]}”按“${c.options![p.index]}”填写` } : {}) };
        if (p.reason === 'ambiguous') return { action: 'ambiguous', reason: `多个选项都像“${text}”` };
      }
      return { action: 'no-value', reason: `选项中没有“${asText(raw)}”` };
    }
    case 'checkbox': {
      // The page's options and the field's known ones: options behind 展开更多 are not in the page until
      // clicked; the driver shows them and reports any the page does not have.
      const vocabulary = [...new Set([...(c.options ?? []), ...(specOf(key)?.options ?? [])])];
      const { picked, rest } = splitByOptions(list, vocabulary);
      if (!picked.length) return { action: 'no-value', reason: `选项中没有“${rest.join('、')}”` };
      // More than the page takes: which to keep is the user's choice, so none is ticked.
      if (c.cap !== undefined && picked.length > c.cap) return { action: 'too-long', reason: `资料中有 ${picked.length} 项，页面最多选择 ${c.cap} 项，请自行选择` };
      return { value: picked, ...(rest.length ? { note: `选项中没有：${rest.join('、')}` } : {}) };
    }
    case 'cascader':
      return { value: list };
    // A select's options may not be loaded yet: the driver takes the first of the texts the page offers.
    case 'select': {
      // A list of texts is the value's own alternatives (a saved record: with its ID number, then by name).
      const texts = Array.isArray(raw) ? [...raw] : choiceTexts(raw);
      return { value: texts.length > 1 ? texts : texts[0] };
    }
    case 'text':
      return { value: asText(raw) };
  }
}

function isSame(c: ControlSnapshot, value: string | string[]): boolean {
  if (c.kind === 'cascader') {
    const shown = c.value ? c.value.split(' / ') : [];
    return shown.length >= Math.min(2, value.length) && sameArea(shown, value as string[]);
  }
  if (c.kind === 'select') return !!c.value && (Array.isArray(value) ? value : [value]).some((v) => sameOption(c.value, v));
  if (Array.isArray(value)) {
    const have = new Set((c.checked ?? []).map(optionKey));
    return have.size === value.length && value.every((v) => have.has(optionKey(v)));
  }
  return c.kind === 'radio' ? !!c.value && sameOption(c.value, value) : normalizeText(c.value) === normalizeText(value);
}

/** A choice the user has not made on this page is the site's preset: it may be replaced. */
const isPreset = (c: ControlSnapshot) => (c.kind === 'radio' || c.kind === 'select' || c.kind === 'cascader') && !c.touched;

/** The page's limit first (maxlength, counter); the portal table only when the page says nothing. */
function limitFor(key: string, c: ControlSnapshot, f: { limit?: number }): number | null {
  if (c.maxLength !== null) return c.maxLength;
  if (f.limit !== undefined) return f.limit;
  const field = key.startsWith('work.') ? key.slice('work.'.length) : '';
  return field in FIELD_LIMITS ? FIELD_LIMITS[field as keyof typeof FIELD_LIMITS].max : null;
}

/**
 * The area a cascader takes: province, city, and, where the form has a district field of its own
 * (the certificate address), the address in which the district is named. Elsewhere a cascader that
 * offers districts stops at the city: the profile holds no district, and a guessed one is a wrong fill.
 */
function areaValue(key: string, values: PlanValues): string[] | undefined {
  const base = key.replace(/\.province$/, '');
  const withDistrict = specOf(`${base}.district`) !== undefined;
  const [province, city, address] = ['province', 'city', ...(withDistrict ? ['address'] : [])].map((f) => valueFor(`${base}.${f}`, values));
  if (province === undefined) return undefined;
  return [asText(province), ...(city !== undefined ? [asText(city)] : []), ...(address !== undefined ? [asText(address)] : [])];
}

/**
 * Owner rows that already name someone else: a name or ID number the user typed that is not the
 * profile's. The row is their draft for another owner; filling its empty fields would mix two owners.
 */
function foreignRows(matches: readonly MatchResult[], controls: readonly ControlSnapshot[], values: PlanValues): Set<number> {
  const rows = new Set<number>();
  for (const m of matches) {
    const row = rowKey(m.key);
    if (!row || (row.field !== 'name' && row.field !== 'idNumber') || m.status !== 'matched') continue;
    const c = controls[m.ref];
    const want = valueFor(m.key, values);
    if (c.kind === 'text' && c.value !== '' && !c.ours && want !== undefined && normalizeText(c.value) !== normalizeText(asText(want))) rows.add(row.index);
  }
  return rows;
}

export function planFill(matches: readonly MatchResult[], controls: readonly ControlSnapshot[], values: PlanValues, opts: PlanOptions = {}): PlanItem[] {
  const byKey = new Map(matches.map((m) => [m.key, m]));
  const foreign = opts.overwrite ? new Set<number>() : foreignRows(matches, controls, values);
  // Whatever keys this pass plans: a group of checkboxes offering languages is the page's list.
  const languageOptions = controls.some((c) => c.kind === 'checkbox' && splitByOptions(c.options ?? [], PORTAL_LANGUAGES).picked.length >= 2);
  return matches.map((m): PlanItem => {
    const spec = specOf(m.key);
    const c = m.status === 'matched' ? controls[m.ref] : undefined;
    const row = rowKey(m.key);
    if (c && row && foreign.has(row.index)) return { key: m.key, ref: c.ref, why: m.why, action: 'kept', value: c.value, reason: '该行已填写另一位著作权人，整行保留' };
    // 城市 inside the 省份 cascader: the province's fill carries it.
    if (c && spec?.partOf && c.kind === 'cascader') {
      const host = [...byKey.keys()].find((k) => byKey.get(k)!.status === 'matched' && (byKey.get(k) as { ref: number }).ref === c.ref && !specOf(k)?.partOf);
      if (host) return { key: m.key, action: 'part', ref: c.ref, host, why: m.why };
    }
    const raw = c?.kind === 'cascader' ? areaValue(m.key, values) : valueFor(m.key, values);
    // A field the page does not let change is locked, whatever the profile holds.
    if (c && !c.enabled) return { key: m.key, ref: c.ref, why: m.why, action: 'locked', value: c.value, reason: '页面上该字段不可修改' };
    if (raw === undefined) return m.status === 'matched' ? { key: m.key, ref: m.ref, action: 'no-value', reason: `资料中没有${spec?.zh ?? m.key}`, why: m.why } : { key: m.key, action: 'no-value', reason: `资料中没有${spec?.zh ?? m.key}` };
    if (m.status === 'not-found') return { key: m.key, action: 'not-found', reason: '页面上没有找到该字段', why: m.why };
    if (m.status === 'ambiguous') return { key: m.key, action: 'ambiguous', reason: `有 ${m.refs.length} 个字段都可能是“${spec?.zh ?? m.key}”，未填写`, why: m.why };
    const control = c!;
    const base = { key: m.key, ref: control.ref, why: m.why };
    const f = format(m.key, raw, control, languageOptions);
    if ('action' in f) return { ...base, action: f.action, reason: f.reason };
    if (isSame(control, f.value)) return { ...base, action: 'same', value: f.value, reason: '页面上已是资料中的值' };
    if (control.value !== '' && !control.ours && !opts.overwrite && !isPreset(control)) return { ...base, action: 'kept', value: control.value, reason: '保留页面上已有的值' };
    const limit = typeof f.value === 'string' && control.kind === 'text' ? limitFor(m.key, control, f) : null;
    const length = typeof f.value === 'string' ? countChars(f.value) : 0;
    if (limit !== null && length > limit) {
      // Never truncate: a cut-off registration text is a wrong fill.
      return { ...base, action: 'too-long', value: f.value, reason: `${length} 字，超过上限 ${limit} 字` };
    }
    const replaced = control.value !== '' && !control.ours ? `替换了页面上原有的“${control.value}”` : undefined;
    const note = [f.note, replaced].filter(Boolean).join('；') || undefined;
    return { ...base, action: 'fill', value: f.value, ...(note ? { note } : {}) };
  });
}
