import { tableOf } from '@/utils/content/fill/components';
import { labelText, normalizeText } from '@/utils/text/normalize';

/**
 * Reading the console's order pages (utils/pages/adapters/README.md): an order's labelled values
 * (订单状态, 著作权人 …), the order table of the list, and the failure or correction reasons the page
 * shows. Only text is read; nothing here changes the page.
 */

const STATUS_LABELS = ['订单状态', '当前状态', '办理状态', '状态'];
const ID_LABELS = ['订单号', '订单编号', '实例ID'];
const NAME_LABELS = ['软件全称', '软件名称'];
const OWNER_LABELS = ['著作权人', '著作权人名称', '申请人'];
const OWNER_ID_LABELS = ['证件号码', '著作权人证件号码'];

/** Titles of a block of reasons: 预审核失败原因, 审核意见, 补正原因, 补正通知 … */
const REASONS_TITLE = /^(预审核|审核|初审)?(失败|驳回|不通过|退回)?(原因|意见)$|^补正(原因|意见|通知|内容)$|^(失败|驳回|退回)原因$/;
/** A label and its value in one text: 订单号：swcopyright_… */
const INLINE_VALUE = /^([^：:]{2,10})[：:]\s*(.+)$/;

const textOf = (el: Element | null | undefined) => normalizeText(el?.textContent ?? '');
/** A value as the page means it: pages print a dash for "none". */
const meant = (s: string) => (/^[—–-]+$/.test(s) ? '' : s);
const inHeader = (el: Element) => !!el.closest('thead');

/** Every text node under `root` outside scripts and styles, with its element. */
function* texts(root: Element): Generator<{ text: string; el: Element }> {
  const walk = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const el = n.parentElement;
    const text = normalizeText(n.nodeValue ?? '');
    if (el && text && !el.closest('script, style, template')) yield { text, el };
  }
}

/** The value beside a label element: its next sibling, or its parent's (a label wrapped in a cell). */
function valueBeside(label: Element): Element | null {
  for (let el: Element | null = label, depth = 0; el && depth < 3; el = el.parentElement, depth++) {
    if (el.nextElementSibling) return el.nextElementSibling;
    if (el.parentElement && el.parentElement.children.length > 1) return null;
  }
  return null;
}

export interface Labelled {
  label: Element;
  value: string;
}

/**
 * The labelled values of a page (Ant Descriptions, dt/dd, "label：value" lines), first occurrence of
 * each label; column headers of tables are not labels of one value.
 */
export function labelledValues(root: Element): Map<string, Labelled> {
  const wanted = new Set([...STATUS_LABELS, ...ID_LABELS, ...NAME_LABELS, ...OWNER_LABELS, ...OWNER_ID_LABELS]);
  const out = new Map<string, Labelled>();
  for (const { text, el } of texts(root)) {
    if (inHeader(el)) continue;
    const inline = INLINE_VALUE.exec(text);
    if (inline && wanted.has(labelText(inline[1]))) {
      const key = labelText(inline[1]);
      if (!out.has(key)) out.set(key, { label: el, value: inline[2].trim() });
      continue;
    }
    const key = labelText(text);
    if (!wanted.has(key) || out.has(key)) continue;
    const value = textOf(valueBeside(el));
    if (value) out.set(key, { label: el, value });
  }
  return out;
}

const first = (values: Map<string, Labelled>, labels: readonly string[]) => labels.map((l) => values.get(l)).find(Boolean);

/** The label element of an order's status (订单状态 with a value beside it), or null. */
export function orderStatusLabel(root: Element): Element | null {
  return first(labelledValues(root), STATUS_LABELS)?.label ?? null;
}

/** Rows of an order table: body rows with cells, without Ant's measure and placeholder rows. */
function bodyRows(table: Element): HTMLTableRowElement[] {
  return [...table.querySelectorAll<HTMLTableRowElement>('tbody tr')].filter((tr) => tr.cells.length > 1 && tr.getAttribute('aria-hidden') !== 'true' && !tr.matches('[class*="table-measure-row"], [class*="table-placeholder"]'));
}

/** The column header 订单状态 of an order table with at least one row, or null. */
export function orderTableHeader(root: Element): HTMLTableCellElement | null {
  for (const th of root.querySelectorAll<HTMLTableCellElement>('thead th')) {
    if (!['订单状态', '状态'].includes(labelText(th.textContent ?? ''))) continue;
    const table = tableOf(th);
    if (table && bodyRows(table).length) return th;
  }
  return null;
}

export interface OrderRow {
  id: string;
  software: string;
  status: string;
}

/** The orders of the list, in page order. */
export function readOrders(root: Element): OrderRow[] {
  const th = orderTableHeader(root);
  if (!th) return [];
  const heads = [...(th.closest('tr')?.cells ?? [])].map((c) => labelText(c.textContent ?? ''));
  const col = (labels: readonly string[]) => heads.findIndex((h) => labels.includes(h));
  const [statusCol, idCol, nameCol] = [heads.indexOf(labelText(th.textContent ?? '')), col(ID_LABELS), col(NAME_LABELS)];
  const table = tableOf(th)!;
  return bodyRows(table).map((tr) => ({
    id: idCol >= 0 ? meant(textOf(tr.cells[idCol])) : '',
    software: nameCol >= 0 ? meant(textOf(tr.cells[nameCol])) : '',
    status: textOf(tr.cells[statusCol]),
  }));
}

/** Splits a block of reasons written as one text: numbered, one a line, or separated by ；. */
export function splitReasons(text: string): string[] {
  return text
    .split(/\n|[；;]|(?=(?:^|\s)\d{1,2}\s*[.、．)）](?!\d))/)
    .map((s) => normalizeText(s).replace(/^\d{1,2}\s*[.、．)）](?!\d)\s*/, ''))
    .filter((s) => s.length > 1);
}

export interface Reasons {
  title: string;
  items: string[];
}

/** The failure or correction reasons the page shows (a title such as 预审核失败原因 and its list). */
export function readReasons(root: Element): Reasons | null {
  for (const { text, el } of texts(root)) {
    const title = labelText(text);
    if (!REASONS_TITLE.test(title)) continue;
    const body = valueBeside(el);
    if (!body) continue;
    const items = body.querySelectorAll('li').length ? [...body.querySelectorAll('li')].map(textOf).filter(Boolean) : splitReasons((body as HTMLElement).innerText ?? body.textContent ?? '');
    if (items.length) return { title, items };
  }
  return null;
}

export interface OrderPage {
  id: string;
  software: string;
  status: string;
  /** The owner the order names, to compare with the profile: empty where the page shows none. */
  owner: { name: string; idNumber: string };
  reasons: Reasons | null;
}

/** What an order's page shows. */
export function readOrder(root: Element): OrderPage {
  const v = labelledValues(root);
  const value = (labels: readonly string[]) => meant(first(v, labels)?.value ?? '');
  return {
    id: value(ID_LABELS),
    software: value(NAME_LABELS),
    status: value(STATUS_LABELS),
    owner: { name: value(OWNER_LABELS), idNumber: value(OWNER_ID_LABELS) },
    reasons: readReasons(root),
  };
}
