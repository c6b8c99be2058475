import { collect, type ControlSnapshot } from '@/utils/content/fill/collect';
import type { FieldReading } from '@/utils/findings/application';
import { matchFields } from '@/utils/content/fill/match';
import { labelText } from '@/utils/text/normalize';
import { rowRules, type FieldRule, type PageAdapter } from '@/utils/pages/adapters/toolkit';

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

/** Labels of a read-only summary (the confirm step's table) and the keys they repeat. */
const SUMMARY_LABELS: Record<string, string> = { 软件全称: 'work.fullName', 软件简称: 'work.shortName', 版本号: 'work.version' };

/** A summary's `th`/`td` rows and `dt`/`dd` pairs whose label is one of SUMMARY_LABELS. */
function readSummary(root: ParentNode): PageReading {
  const fields: Record<string, FieldReading> = {};
  const elements = new Map<string, Element>();
  for (const label of root.querySelectorAll('th, dt')) {
    const key = SUMMARY_LABELS[labelText(label.textContent ?? '')];
    const cell = label.nextElementSibling;
    if (!key || !cell || !cell.matches('td, dd') || key in fields) continue;
    fields[key] = { kind: 'text', value: (cell.textContent ?? '').trim(), maxLength: null, minLength: null };
    elements.set(key, cell);
  }
  return { fields, elements };
}

/**
 * The fields of the page as its adapter finds them (owner rows: the rows present), matched
 * exactly as for a fill; a page without an adapter is read for a summary of the names and version.
 */
export function readPage(doc: Document, adapter: PageAdapter | null): PageReading {
  if (!doc.body) return { fields: {}, elements: new Map() };
  if (!adapter) return readSummary(doc.body);
  const col = collect(doc.body, { rows: adapter.owners?.row });
  const rows = adapter.owners ? doc.querySelectorAll(adapter.owners.row).length : 0;
  const groups: { scope: number | null; rules: readonly FieldRule[] }[] = [{ scope: null, rules: adapter.fields }];
  if (adapter.owners) for (let i = 0; i < rows; i++) groups.push({ scope: i, rules: rowRules(adapter.owners, i) });
  const fields: Record<string, FieldReading> = {};
  const elements = new Map<string, Element>();
  for (const { scope, rules } of groups) {
    for (const m of matchFields(col.controls, rules, scope)) {
      if (m.status !== 'matched') continue;
      fields[m.key] = reading(col.controls[m.ref], col.elements[m.ref]);
      elements.set(m.key, col.elements[m.ref]);
    }
  }
  return { fields, elements };
}
