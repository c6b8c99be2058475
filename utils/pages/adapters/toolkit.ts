import type { SingleKey } from '@/utils/fields/catalogue';

/**
 * The shared toolkit of the page adapters: what an adapter declares, and helpers to declare it.
 * An adapter names the fields its page offers and how to find them explicitly (exact label or
 * section title, Element's model property); the engine's heuristics only back these rules up.
 */

/** How an adapter names one field: exact label / section-title texts and the model property. */
export interface FieldRule {
  key: string;
  /** Exact label / section-title texts (compared after normalisation). */
  labels?: readonly string[];
  /** The model property in label[for] (Element's prop) or the control's name. */
  prop?: string | RegExp;
  /** The place in a repeated block that holds it (an owner row's blocks have no labels). */
  position?: string;
}

/** One field of a copyright owner row, keyed `owners.<i>.<field>` once expanded. */
export interface RowRule {
  field: string;
  labels?: readonly string[];
  prop?: RegExp;
}

export interface OwnerRows {
  /** Selector of one owner row (著作权人 block). */
  row: string;
  /**
   * The row's blocks in order and the fields each holds, its choice before its text box: how a
   * row without text labels says what each control is (docs/PORTALS.md, owner rows).
   */
  block?: string;
  positions?: readonly (readonly string[])[];
  fields: readonly RowRule[];
  /** The text of the page's own button that adds a row. */
  add: RegExp;
}

export interface PageAdapter {
  fields: readonly FieldRule[];
  owners?: OwnerRows;
}

/** A field rule: exact labels (or h3 titles) and, where the page has one, the model property. */
export function field(key: SingleKey, labels: string | readonly string[], prop?: string | RegExp): FieldRule {
  return { key, labels: typeof labels === 'string' ? [labels] : labels, ...(prop === undefined ? {} : { prop }) };
}

/** A row field whose Element prop ends in `.<name>` (ownerList.0.name). */
export function rowField(fieldName: string, labels: string | readonly string[], propName = fieldName): RowRule {
  return { field: fieldName, labels: typeof labels === 'string' ? [labels] : labels, prop: new RegExp(`(^|\\.)${propName}$`) };
}

/** The rules of row i: the row fields keyed `owners.<i>.<field>`, found by label, property or place. */
export function rowRules(rows: OwnerRows, index: number): FieldRule[] {
  const placed = new Set(rows.positions?.flat() ?? []);
  return rows.fields.map((r) => ({ key: `owners.${index}.${r.field}`, labels: r.labels, prop: r.prop, ...(placed.has(r.field) ? { position: r.field } : {}) }));
}
