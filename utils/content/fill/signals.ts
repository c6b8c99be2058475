import type { SignalSource } from '@/utils/contract/messages';
import { labelText, normalizeText, placeholderText } from '@/utils/text/normalize';
import { classEnding, tableOf } from './components';

/*
 * Label inference (docs/FILLING.md, "Finding a field's label"): every signal that may say what a
 * control is, kept separately with its source, never glued into one string. The matcher weighs
 * them; the report shows them as the "why".
 */



/** The sources are declared with the message table: the report's "why" names them. */
export type { SignalSource };

export interface Signal {
  source: SignalSource;
  /** Label text (normalised) for human text; the raw attribute for `prop` and `name`; the field for `position`. */
  text: string;
}

/**
 * Headings that title a section or a unit inside it: heading elements, and the titles of cards and
 * collapse panels under whatever class prefix a component library is built with (next-, ant-, the
 * app's own): the class name's ending says what it is.
 */
export const HEADINGS = [
  'h1, h2, h3, h4, h5, legend, [role=heading], .fillin_title',
  ...['card-title', 'card-head-title', 'collapse-panel-title'].map(classEnding),
].join(', ');
/** Where a section ends when climbing from a control: a whole step, form or dialog is not one section. */
const SECTION_LIMIT = 8;

const textOf = (el: Element | null | undefined): string => (el ? labelText(el.textContent ?? '') : '');

export interface SignalContext {
  doc: Document;
  /** The control's composite root or the input itself. */
  el: Element;
  /** The elements of every control collected on the page: a heading that sits before another control does not title this one. */
  controls: ReadonlySet<Element>;
  /** Controls the page shows, to tell a section's own title from one it shares. */
  isVisible(el: Element): boolean;
  /** The page's headings, read once per collect (`pageHeadings`). */
  headings: PageHeadings;
}

/** Every heading of the document in document order, and those inside a control (a calendar's month title). */
export interface PageHeadings {
  all: readonly Element[];
  inControls: ReadonlySet<Element>;
}

/**
 * The page's headings for one collect: one query of the document instead of one per control and
 * ancestor (the selector's class-ending parts make each query scan every element).
 */
export function pageHeadings(doc: Document, controls: ReadonlySet<Element>): PageHeadings {
  const all = [...doc.querySelectorAll(HEADINGS)];
  return { all, inControls: new Set(all.filter((h) => [...controls].some((c) => c.contains(h)))) };
}

const isControlOrHolds = (node: Node, controls: ReadonlySet<Element>): boolean =>
  node instanceof Element && (controls.has(node) || [...controls].some((c) => node.contains(c)));

/** Text just before the control: the nearest preceding text in its parent, up to 3 levels up, never another control's. */
function previousText(el: Element, controls: ReadonlySet<Element>): string {
  let node: Element | null = el;
  for (let depth = 0; depth < 3 && node; depth++) {
    for (let sib = node.previousSibling; sib; sib = sib.previousSibling) {
      if (isControlOrHolds(sib, controls)) return '';
      const t = labelText(sib.textContent ?? '');
      if (t) return t.slice(-40);
    }
    node = node.parentElement;
  }
  return '';
}

/** Text just after the control in its parent (a unit such as 行, 字). */
function suffixText(el: Element, controls: ReadonlySet<Element>): string {
  for (let node: Element | null = el, depth = 0; node && depth < 3; node = node.parentElement, depth++) {
    for (let sib = node.nextSibling; sib; sib = sib.nextSibling) {
      if (isControlOrHolds(sib, controls)) return '';
      const t = labelText(sib.textContent ?? '');
      // A counter (12/50) says the limit, not what the field is.
      if (t && !/^\d+\s*\/\s*\d+$/.test(t)) return t.length <= 6 ? t : '';
    }
  }
  return '';
}

/**
 * The section title of a control: the nearest heading before it inside the smallest ancestor that
 * has one, and whether that ancestor holds other visible controls (then the title is shared).
 */
function sectionTitle(ctx: SignalContext): { text: string; shared: boolean } | null {
  const { el, controls } = ctx;
  let a: Element | null = el.parentElement;
  for (let depth = 0; a && depth < SECTION_LIMIT && a !== ctx.doc.body; a = a.parentElement, depth++) {
    let best: Element | null = null;
    const heads = ctx.headings.all.filter((h) => a!.contains(h));
    for (const h of heads) {
      // Before the control, and not a heading inside another control (a calendar's month title).
      if (!(h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) || h.contains(el)) continue;
      if (ctx.headings.inControls.has(h)) continue;
      best = h;
    }
    if (!best) continue;
    // Controls between this heading and the next one share it.
    const next = heads[heads.indexOf(best) + 1];
    const under = [...controls].filter(
      (c) => a!.contains(c) && best!.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING && (!next || c.compareDocumentPosition(next) & Node.DOCUMENT_POSITION_FOLLOWING) && ctx.isVisible(c),
    );
    return { text: textOf(best), shared: under.length > 1 };
  }
  return null;
}

/** A short line right above the control inside its block: a caption such as 是否多个著作权人共同享有该软件著作权. */
function caption(el: Element, controls: ReadonlySet<Element>): string {
  for (let node: Element | null = el, depth = 0; node && depth < 3; node = node.parentElement, depth++) {
    for (let sib = node.previousElementSibling; sib; sib = sib.previousElementSibling) {
      if (isControlOrHolds(sib, controls)) return '';
      if (sib.matches(HEADINGS)) return '';
      if (sib.matches('p, .fillin_info_title, .upLoad-title, [class*="caption"], [class*="tip-title"]')) {
        const t = textOf(sib);
        return t.length <= 60 ? t : '';
      }
    }
  }
  return '';
}

/**
 * What a cell holding a control says it is: the label cell before it (a form laid out as a table),
 * else its column's header (a table of records, one per row, whose cells before are other
 * controls or a row number).
 */
function cellLabel(el: Element): string {
  const cell = el.closest('td, th');
  if (!cell) return '';
  const before = cell.previousElementSibling;
  const label = before?.matches('td, th') && !before.querySelector('input, textarea, select, button') ? textOf(before) : '';
  return label && !/^\d+$/.test(label) ? label : columnHeader(cell);
}

/** The header of a body cell's column, in the head of its table (tableOf: a fixed header's too). */
function columnHeader(cell: Element): string {
  const row = cell.parentElement;
  if (!(row instanceof HTMLTableRowElement) || !row.closest('tbody')) return '';
  const heads = tableOf(cell)?.querySelector('thead tr');
  if (!heads) return '';
  const index = [...row.cells].indexOf(cell as HTMLTableCellElement);
  const head = (heads as HTMLTableRowElement).cells[index];
  return head ? textOf(head) : '';
}

export interface SignalInput extends SignalContext {
  /** The element that holds the placeholder (the input, a select's box). */
  placeholder: string;
  options: readonly string[];
  /** The row-block position, when the control sits in a repeated block described by position. */
  position?: string;
}

/** Every signal of one control, in a stable order, duplicates dropped. */
export function signalsOf(input: SignalInput): Signal[] {
  const { doc, el, controls } = input;
  const out: Signal[] = [];
  const add = (source: SignalSource, text: string | null | undefined) => {
    if (text && !out.some((s) => s.source === source && s.text === text)) out.push({ source, text });
  };
  const native = el.matches('input, textarea, select') ? el : el.querySelector('input:not([type=hidden]), textarea');
  const ids = [el.id, native?.id].filter(Boolean) as string[];
  for (const id of ids) for (const l of doc.querySelectorAll(`label[for="${CSS.escape(id)}"]`)) add('label', textOf(l));
  const wrapping = el.closest('label');
  if (wrapping && !wrapping.matches('.el-form-item__label, [class*="form-item-label"]')) add('label', textOf(wrapping));

  // A form item's label: Element's, or any library's "…form-item" with a "…form-item-label" child.
  // The item itself, not one of its parts (el-form-item__content, next-form-item-control).
  const item = el.closest(`.el-form-item, ${classEnding('form-item')}`);
  const itemLabel = item?.querySelector(':scope > .el-form-item__label, :scope > [class*="form-item-label"], :scope > * > [class*="form-item-label"]');
  if (itemLabel) {
    add('form-label', textOf(itemLabel));
    const prop = (itemLabel.matches('label') ? itemLabel : itemLabel.querySelector('label'))?.getAttribute('for');
    if (prop && !ids.includes(prop)) add('prop', prop);
  }
  add('cell', cellLabel(el));
  const title = sectionTitle(input);
  if (title) add(title.shared ? 'shared-title' : 'title', title.text);
  add('caption', caption(el, controls));
  if (input.placeholder) add('placeholder', placeholderText(input.placeholder));
  for (const a of [el, native]) {
    if (!a) continue;
    add('aria', labelText(a.getAttribute('aria-label') ?? ''));
    for (const ref of (a.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) add('aria', textOf(doc.getElementById(ref)));
  }
  add('prev-text', previousText(el, controls));
  add('suffix', suffixText(el, controls));
  if (input.options.length) add('options', input.options.map(normalizeText).join('|'));
  add('position', input.position);
  for (const a of [el, native]) {
    if (!a) continue;
    add('name', a.getAttribute('name'));
    add('name', a.id);
  }
  return out;
}
