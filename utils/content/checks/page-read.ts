import { type ControlSnapshot } from '@/utils/content/fill/collect';
import { isVisible } from '@/utils/content/visibility';
import { MARGIN, MIN_SCORE, scoreControl } from '@/utils/content/fill/match';
import { matchPage } from '@/utils/content/fill/page-match';
import { specOf, type ControlKind, type ValueKind } from '@/utils/fields/catalogue';
import { ADDRESS_CHOICE, type FieldReading } from '@/utils/findings/application';
import type { FieldRule, PageAdapter } from '@/utils/pages/adapters/toolkit';
import { adapterFor, isPageKind, siblingsOf } from '@/utils/pages/registry';
import { labelText, normalizeText, splitList } from '@/utils/text/normalize';

/*
 * What the current page shows, per fill key: the same collect and match steps the fill engine runs
 * (so a finding's key is the key a fill reports and the popup links), read instead of written.
 */

export interface PageReading {
  fields: Record<string, FieldReading>;
  /** The element of each key, for marks and links. */
  elements: Map<string, Element>;
}

/** "500至1300字", "500-1300 字", "至少500字": the first number is the minimum. */
export function statedMinimum(text: string): number | null {
  const t = labelText(text);
  const m = /(\d+)\s*(?:至|到|~|～|-|—|–)\s*\d+\s*(?:个)?字/.exec(t) ?? /(?:至少|不少于|最少)\s*(\d+)\s*(?:个)?字/.exec(t);
  return m ? Number(m[1]) : null;
}

/**
 * The text exactly as typed: collect() folds it with NFKC for matching, but realname.match must see
 * a full-width character where the certificate has a half-width one. Groups keep collect's option texts.
 */
function rawValue(c: ControlSnapshot, el: Element): string {
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return el.value;
  const inner = c.kind === 'select' ? el.querySelector('input') : null;
  return inner ? inner.value : c.value;
}

function reading(c: ControlSnapshot, el: Element): FieldReading {
  return {
    kind: c.kind,
    value: rawValue(c, el),
    ...(c.checked ? { checked: c.checked } : {}),
    maxLength: c.maxLength,
    minLength: c.kind === 'text' ? statedMinimum(c.placeholder) : null,
  };
}

/** The control kind a summary row of a key stands for, so the checks read it as they read the control. */
const KIND_OF_VALUE: Record<ValueKind, ControlKind> = { text: 'text', place: 'text', area: 'text', date: 'date', choice: 'radio', multi: 'checkbox' };
/** What a summary shows for nothing. */
const EMPTY_CELL = /^[—–\-/无]*$/;

/**
 * A read-only summary (the #/confirm read-back, a filing's 申请表): its `th`/`td` rows and `dt`/`dd`
 * pairs, each label scored against the keys of `rules` as a field label is; a row goes to the key it
 * fits best by a margin, each key to one row.
 */
function readSummary(root: ParentNode, rules: readonly FieldRule[]): PageReading {
  const fields: Record<string, FieldReading> = {};
  const elements = new Map<string, Element>();
  for (const label of root.querySelectorAll('th, dt')) {
    const cell = label.nextElementSibling;
    if (!cell || !cell.matches('td, dd')) continue;
    const signals = [{ source: 'label' as const, text: labelText(label.textContent ?? '') }];
    const ranked = rules
      .filter((r) => !(r.key in fields))
      .map((r) => ({ key: r.key, spec: specOf(r.key)!, score: scoreControl(signals, specOf(r.key)!, r.labels).score }))
      .filter((x) => x.score >= MIN_SCORE)
      .sort((a, b) => b.score - a.score);
    const [top, second] = ranked;
    if (!top || (second && top.score - second.score < MARGIN)) continue;
    const text = (cell.textContent ?? '').trim();
    const value = EMPTY_CELL.test(text) ? '' : text;
    const kind = KIND_OF_VALUE[top.spec.kind];
    fields[top.key] = { kind, value, ...(kind === 'checkbox' ? { checked: splitList(value) } : {}), maxLength: null, minLength: null };
    elements.set(top.key, cell);
  }
  return { fields, elements };
}

/** The keys a summary on a page may repeat: the work's fields of every step of its application, else the names and version. */
export function summaryRules(page: string | null): FieldRule[] {
  const steps = isPageKind(page) ? siblingsOf(page).flatMap((k) => adapterFor(k)?.fields ?? []) : [];
  const work = steps.filter((r) => r.key.startsWith('work.'));
  return work.length ? work : [{ key: 'work.fullName' }, { key: 'work.shortName' }, { key: 'work.version' }];
}

/**
 * The page's certificate address list (证书领取地址, #/confirm) and the chosen address's text ('' when
 * none is chosen), or null when the page shows no such list.
 */
export function chosenAddress(doc: Document): { list: Element; chosen: string } | null {
  const title = [...doc.querySelectorAll('h1, h2, h3, h4, legend, .title, label')].find((h) => /证书领取地址|领取地址|邮寄地址/.test(h.textContent ?? '') && isVisible(h));
  const list = title?.parentElement;
  if (!title || !list) return null;
  const items = [...list.querySelectorAll('.address-item, li, [role=radio], label')].filter((i) => isVisible(i) && !i.contains(title));
  const chosen = items.find((i) => /\b(selected|active|is-checked|checked)\b/.test(i.className) || i.getAttribute('aria-checked') === 'true' || !!i.querySelector('input:checked'));
  return { list, chosen: chosen ? normalizeText(chosen.textContent ?? '') || '已选择' : '' };
}

/**
 * The fields of the page as its adapter finds them (owner rows: the rows present), matched
 * exactly as for a fill; a page without an adapter is read for a summary of the names and version.
 */
export function readPage(doc: Document, adapter: PageAdapter | null, summary: readonly FieldRule[] = summaryRules(null)): PageReading {
  if (!doc.body) return { fields: {}, elements: new Map() };
  // A summary on the page first: a control of the same key is what will be submitted and wins.
  const { fields, elements } = readSummary(doc.body, summary);
  const address = chosenAddress(doc);
  if (address) {
    fields[ADDRESS_CHOICE] = { kind: 'radio', value: address.chosen, maxLength: null, minLength: null };
    elements.set(ADDRESS_CHOICE, address.list);
  }
  if (!adapter) return { fields, elements };
  const { col, matches } = matchPage(doc, adapter);
  for (const m of matches) {
    if (m.status !== 'matched') continue;
    fields[m.key] = reading(col.controls[m.ref], col.elements[m.ref]);
    elements.set(m.key, col.elements[m.ref]);
  }
  return { fields, elements };
}
