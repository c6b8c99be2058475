import { groupItems, isEnabled, itemText, selectOptions } from '@/utils/content/fill/collect';
import { classEnding, familiesOf, type Families } from '@/utils/content/fill/components';
import { HEADINGS } from '@/utils/content/fill/signals';
import { isVisible } from '@/utils/content/visibility';
import { PAGE_REPORT_FORMAT, PAGE_REPORT_LIMITS, type PageReport, type ReportNode, type ReportNodeKind } from '@/utils/schema/page-report';
import { describeUrl, keptClasses, maskText } from './rules';

/*
 * The page-structure report's outline (SECURITY.md, "The page-structure report"): the page's
 * elements that say what its form is — containers, headings, labels, captions, buttons, tabs,
 * controls, options, counters — with their classes and their own words, in document order. Only
 * the page's fixed vocabulary is read: a control's value, a textarea's or an editable element's
 * content, which option is chosen, a table cell's data and any other text are never read. Pure
 * DOM reading, so happy-dom drives it in unit tests.
 */

/** The positions the outline keeps, first match wins: what the element is, and why its words are the page's own. */
const POSITIONS: readonly { kind: Exclude<ReportNodeKind, 'control' | 'counter'>; selector: string }[] = [
  // Section and card titles, a dialog's title: the page's words for a part of the form.
  { kind: 'heading', selector: [HEADINGS, classEnding('dialog-title'), classEnding('dialog_title')].join(', ') },
  { kind: 'tab', selector: ['[role=tab]', classEnding('tabs-tab')].join(', ') },
  // Actions say what they do in fixed words (下一步, 添加, 保存).
  { kind: 'button', selector: ['button', 'a', '[role=button]', 'input[type=button]', 'input[type=submit]', 'input[type=reset]', classEnding('-btn'), '.hd-link'].join(', ') },
  // A field's name: a label element, a table's header cell, a form item's label under any library's prefix.
  { kind: 'label', selector: ['label', 'legend', 'th', '[role=columnheader]', classEnding('label')].join(', ') },
  // Short lines about a field: captions, hints, an upload's tip, a validation message.
  {
    kind: 'caption',
    selector: ['.fillin_info_title', classEnding('-help'), classEnding('-extra'), classEnding('-tip'), classEnding('-explain'), classEnding('-title')].join(', '),
  },
  // A menu's items or a dropdown moved to <body>: the component's vocabulary.
  { kind: 'option', selector: ['[role=option]', '[role=menuitem]', classEnding('-option'), classEnding('-menu-item')].join(', ') },
  { kind: 'container', selector: ['form', 'fieldset', 'dialog', '[role=dialog]', 'table', classEnding('form-item'), '.fillin_item', classEnding('-dialog'), classEnding('-card')].join(', ') },
];

/** Never read, nor anything inside: code, our own UI (its hosts are `ruanzhu-*`). */
const SKIPPED = 'script, style, template, noscript, svg, iframe, object, embed';
const isOurs = (el: Element) => el.localName.startsWith('ruanzhu-');

/** A native field: its value (an attribute or a property) is the user's and never read. */
const NATIVE_CONTROL = 'input, textarea, select, [contenteditable]:not([contenteditable=false]), [role=textbox], [role=combobox], [role=listbox], [role=switch]';

/** A table's data cells: their words are the table's rows (names, 流水号), not the page's vocabulary; only a button's words in them are kept. */
const DATA_CELL = 'td, [role=cell], [role=gridcell]';

/** `0/50`, `12 / 200`: a counter of what was typed. */
const COUNTER = /^\s*(\d{1,6})\s*\/\s*(\d{1,6})\s*$/;

/** Past this many elements visited the walk stops: a page of a million nodes still answers at once. */
const MAX_VISITS = 50_000;

export interface PageFound {
  site: string | null;
  page: string | null;
  fields: { key: string; found: boolean }[];
}

/** The anonymised outline of `doc` as it is now, with what detection found; bounded, deterministic, never a value. */
export function describePage(doc: Document, found: PageFound): PageReport {
  const families = familiesOf(doc);
  const elements: ReportNode[] = [];
  let omitted = 0;
  let visits = 0;
  // Depth-first in document order, without recursion: a deeply nested page cannot overflow the stack.
  const stack: { el: Element; depth: number }[] = doc.body ? [{ el: doc.body, depth: 0 }] : [];
  while (stack.length && visits < MAX_VISITS) {
    const { el, depth } = stack.pop()!;
    visits++;
    const node = el === doc.body ? null : readable(() => describeElement(el, depth, families));
    if (node) {
      if (elements.length < PAGE_REPORT_LIMITS.elements) elements.push(node);
      else omitted++;
    }
    // A control's inside is its own (its options are listed with it, its shown text is its value).
    if (node?.kind === 'control') continue;
    const children = [...el.children].filter((c) => !c.matches(SKIPPED) && !isOurs(c));
    for (let i = children.length - 1; i >= 0; i--) stack.push({ el: children[i], depth: node ? depth + 1 : depth });
  }
  return {
    format: PAGE_REPORT_FORMAT,
    version: 1,
    url: describeUrl(doc.location?.href ?? doc.URL),
    site: found.site,
    page: found.page,
    fields: found.fields.map(({ key, found }) => ({ key, found })),
    elements,
    omitted,
  };
}

/** An element the browser will not let us read (a foreign document's node, a selector a library rejects) is left out: a changed page yields a report, never an exception. */
function readable(read: () => ReportNode | null): ReportNode | null {
  try {
    return read();
  } catch {
    return null;
  }
}

function describeElement(el: Element, depth: number, families: Families): ReportNode | null {
  const composite = families.composites.find(([, selector]) => selector && el.matches(selector));
  if (composite || el.matches(NATIVE_CONTROL)) return control(el, depth, composite?.[0]);
  const counter = el.childElementCount === 0 ? COUNTER.exec(el.textContent ?? '') : null;
  if (counter) return { ...base(el, depth, 'counter'), limit: Number(counter[2]) };
  const position = POSITIONS.find((p) => el.matches(p.selector));
  if (!position) return null;
  const node = base(el, depth, position.kind);
  if (position.kind === 'container') return node;
  const inCell = !!el.closest(DATA_CELL) && el.localName !== 'button';
  const words = inCell ? '' : ownText(el, families);
  // A leading or trailing * is the page's required mark, not a word.
  const text = words.replace(/^\s*[*＊]\s*|\s*[*＊]\s*$/g, '');
  return withDefined({
    ...node,
    text: text ? maskText(text) : undefined,
    required: text !== words || undefined,
    ariaLabel: position.kind === 'button' ? ariaLabel(el) : undefined,
  });
}

function base(el: Element, depth: number, kind: ReportNodeKind): ReportNode {
  const classes = keptClasses(el);
  return withDefined({
    depth,
    kind,
    tag: el.localName.slice(0, 40),
    role: el.getAttribute('role')?.slice(0, 40) || undefined,
    classes: classes.length ? classes : undefined,
    hidden: !isVisible(el) || undefined,
  });
}

/** A field: what kind, its limits and state, the page's hint and options; never its value or which option is chosen. */
function control(el: Element, depth: number, kind: string | undefined): ReportNode {
  const input = el.matches('input, textarea') ? (el as HTMLInputElement) : el.querySelector<HTMLInputElement>('input:not([type=hidden]), textarea');
  const maxLength = input && input.hasAttribute('maxlength') ? input.maxLength : undefined;
  const options = optionsOf(el, kind);
  return withDefined({
    ...base(el, depth, 'control'),
    type: el.localName === 'input' ? ((el as HTMLInputElement).type || 'text').slice(0, 40) : undefined,
    control: kind,
    within: within(el),
    placeholder: input?.getAttribute('placeholder') ? maskText(input.getAttribute('placeholder')!) : undefined,
    ariaLabel: ariaLabel(el),
    options: options.length ? options.slice(0, PAGE_REPORT_LIMITS.options) : undefined,
    moreOptions: options.length > PAGE_REPORT_LIMITS.options ? options.length - PAGE_REPORT_LIMITS.options : undefined,
    maxLength: maxLength !== undefined && maxLength >= 0 ? maxLength : undefined,
    required: input?.required || input?.getAttribute('aria-required') === 'true' || el.getAttribute('aria-required') === 'true' || undefined,
    disabled: !isEnabled(el) || undefined,
    readOnly: input?.readOnly || undefined,
  });
}

/** A select's or a group's option texts, all of them in the page's order: the choice offered, not the one made. */
function optionsOf(el: Element, kind: string | undefined): string[] {
  const texts =
    el instanceof HTMLSelectElement
      ? [...el.options].map((o) => o.text)
      : kind === 'select'
        ? selectOptions(el)
        : kind === 'radio' || kind === 'checkbox'
          ? (() => {
              const group = groupItems(el, kind);
              return group ? group.items.map((i) => itemText(i, group.family)) : [];
            })()
          : [];
  return texts.map(maskText).filter(Boolean);
}

/**
 * aria-label names a control or a button in its author's words; title is left out everywhere:
 * components put the chosen value there for a tooltip of truncated text.
 */
function ariaLabel(el: Element): string | undefined {
  const label = el.getAttribute('aria-label');
  return label ? maskText(label) : undefined;
}

/** The nearest ancestors with classes, innermost first: which component a control sits in. */
function within(el: Element): string[] | undefined {
  const out: string[] = [];
  for (let a = el.parentElement; a && a !== el.ownerDocument.body && out.length < PAGE_REPORT_LIMITS.within; a = a.parentElement) {
    const classes = keptClasses(a);
    if (classes.length) out.push([a.localName, ...classes].join('.'));
  }
  return out.length ? out : undefined;
}

/**
 * The words an element shows itself: its text nodes, leaving out what sits inside a control (a
 * textarea's content, a select's shown choice), a data cell, code and our UI.
 */
function ownText(el: Element, families: Families): string {
  const parts: string[] = [];
  const stack: Node[] = [...el.childNodes].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType === Node.TEXT_NODE) parts.push(n.nodeValue ?? '');
    if (!(n instanceof Element)) continue;
    if (n.matches(SKIPPED) || isOurs(n) || n.matches(NATIVE_CONTROL) || n.matches(DATA_CELL) || (families.anyComposite && n.matches(families.anyComposite))) continue;
    stack.push(...[...n.childNodes].reverse());
  }
  return parts.join('');
}

/** The node without its undefined fields: a report is JSON, and equal pages give equal text. */
function withDefined<T extends object>(node: T): T {
  return Object.fromEntries(Object.entries(node).filter(([, v]) => v !== undefined)) as T;
}
