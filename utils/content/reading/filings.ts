import { isVisible } from '@/utils/content/visibility';
import { FILING_STEPS, FLOW_NUMBER, FilingReading, type CorrectionReading, type FilingStep } from '@/utils/schema/filing';
import { dayIn } from '@/utils/text/days';
import { labelText, normalizeText } from '@/utils/text/normalize';
import { splitReasons } from './order-page';

/*
 * Reading the center's pages after submission (docs/PORTALS.md "After submission", "Pages and
 * routes"): the filing list (/account.html?current=soft_register) row by row, and the filing detail
 * (/accountDetails.html?flowNumber=…): 流水号, software name, version, status, dates, the progress
 * 提交→受理→审查→发放 and a 补正 notice. Text only, what the user can see; nothing here changes the
 * page. The tabs' counts are stale on the real site [seen]: only each row's own status is read. A
 * page that changed so that a filing cannot be told yields nothing, never an exception.
 */

const FLOW_LABELS = ['流水号', '申请流水号'];
const NAME_LABELS = ['软件名称', '软件全称', '作品名称'];
const VERSION_LABELS = ['版本号', '软件版本号', '版本'];
const STATUS_LABELS = ['申请状态', '办理状态', '当前状态', '状态'];
const APPLIED_LABELS = ['申请日期', '提交日期', '申请时间', '提交时间'];
/** A 补正 notice's date and, where the page states it, its deadline [guess: no source shows the page]. */
const NOTICE_LABELS = ['补正通知日期', '补正通知时间', '通知日期', '通知时间', '下发日期', '下发时间', '发文日期', '补正日期'];
const DEADLINE_LABELS = ['补正截止日期', '补正期限', '截止日期', '截止时间'];
const ALL_LABELS = [...FLOW_LABELS, ...NAME_LABELS, ...VERSION_LABELS, ...STATUS_LABELS, ...APPLIED_LABELS, ...NOTICE_LABELS, ...DEADLINE_LABELS];

const FLOW_ANYWHERE = new RegExp(FLOW_NUMBER.source.replace(/^\^|\$$/g, ''), 'g');
const textOf = (el: Element | null | undefined) => normalizeText(el?.textContent ?? '');
/** Pages print a dash for "none". */
const meant = (s: string) => (/^[—–-]+$/.test(s) ? '' : s);
const flowNumbersIn = (text: string) => [...new Set(text.replace(/\s+/g, '').match(FLOW_ANYWHERE) ?? [])];

/** A reading as the message carries it, or null when the page's values do not make one (too long, no 流水号 …). */
function reading(candidate: FilingReading): FilingReading | null {
  const parsed = FilingReading.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

// ── labelled values: "软件名称：X　版本号：Y" in one line, or a label beside its value ──

/**
 * Known labels in a text, each with the value up to the next known label: several pairs may share
 * a line. A label inside a longer word is none (认证状态 is not 状态, 著作权人名称 not 名称).
 */
function inlinePairs(text: string): [string, string][] {
  const labels = [...ALL_LABELS].sort((a, b) => b.length - a.length).join('|');
  const re = new RegExp(`(?<!\\p{Script=Han})(${labels})\\s*[:：]`, 'gu');
  const hits = [...text.matchAll(re)];
  return hits.map((m, i) => [m[1], text.slice(m.index! + m[0].length, hits[i + 1]?.index ?? text.length).trim()]);
}

/** The value beside a label element: its next sibling, or its parent's (a label wrapped in a cell). */
function valueBeside(label: Element): string {
  for (let el: Element | null = label, depth = 0; el && depth < 3; el = el.parentElement, depth++) {
    if (el.nextElementSibling) return textOf(el.nextElementSibling);
    if (el.parentElement && el.parentElement.children.length > 1) return '';
  }
  return '';
}

/** The visible labelled values under `root`, the first of each label. Column headers are not labels of one value. */
function labelledValues(root: Element): Map<string, string> {
  const out = new Map<string, string>();
  const walk = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const el = n.parentElement;
    const text = normalizeText(n.nodeValue ?? '');
    if (!el || !text || el.closest('script, style, template, thead') || !isVisible(el)) continue;
    const pairs = inlinePairs(text);
    // "申请状态：" alone has its value in the element's other children, or in the next element.
    const label = pairs.length === 1 && !pairs[0][1] ? pairs[0][0] : labelText(text);
    if (ALL_LABELS.includes(label)) {
      const within = inlinePairs(textOf(el)).find(([key]) => key === label)?.[1] ?? '';
      const value = meant(within || valueBeside(el));
      if (value && !out.has(label)) out.set(label, value);
      continue;
    }
    for (const [key, value] of pairs) if (!out.has(key) && meant(value)) out.set(key, value);
  }
  return out;
}

const first = (values: Map<string, string>, labels: readonly string[]) => labels.map((l) => values.get(l)).find((v) => v !== undefined) ?? '';

// ── the list ──

const HEADER_CELLS = 'th, [role=columnheader], thead td';

/** The filings of a table whose header has a 流水号 column. */
function fromTable(th: Element): FilingReading[] {
  const headRow = th.closest('tr');
  if (!headRow) return [];
  const heads = [...headRow.children].map((c) => labelText(c.textContent ?? ''));
  const col = (labels: readonly string[]) => heads.findIndex((h) => labels.includes(h));
  const [flowCol, nameCol, versionCol, statusCol, appliedCol] = [FLOW_LABELS, NAME_LABELS, VERSION_LABELS, STATUS_LABELS, APPLIED_LABELS].map(col);
  if (statusCol < 0) return [];
  // Element-style tables put the header and the body in two tables under one wrapper.
  const table = th.closest('.el-table') ?? th.closest('table');
  const rows = [...(table?.querySelectorAll<HTMLTableRowElement>('tbody tr') ?? [])].filter((tr) => !tr.closest('thead') && tr.cells.length > statusCol && isVisible(tr));
  return rows.flatMap((tr) => {
    const cell = (i: number) => (i >= 0 ? meant(textOf(tr.cells[i])) : '');
    const [flowNumber] = flowNumbersIn(flowCol >= 0 ? cell(flowCol) : textOf(tr));
    if (!flowNumber) return [];
    const appliedOn = dayIn(cell(appliedCol));
    const r = reading({ flowNumber, softwareName: cell(nameCol), version: cell(versionCol), status: cell(statusCol), ...(appliedOn ? { appliedOn } : {}) });
    return r && r.status ? [r] : [];
  });
}

/** Filings shown as cards (流水号：… with its labelled values), where the list is no table. */
function fromCards(root: Element): FilingReading[] {
  const out: FilingReading[] = [];
  const cards = new Set<Element>();
  for (const el of root.querySelectorAll('*')) {
    if (el.children.length || !/流水号/.test(el.textContent ?? '') || !flowNumbersIn(el.textContent ?? '').length) continue;
    // The card: the largest ancestor that still names only this one filing.
    let card: Element = el;
    while (card.parentElement && card.parentElement !== root.parentElement && flowNumbersIn(textOf(card.parentElement)).length === 1) card = card.parentElement;
    if (card !== root && isVisible(card)) cards.add(card);
  }
  for (const card of cards) {
    const v = labelledValues(card);
    const [flowNumber] = flowNumbersIn(first(v, FLOW_LABELS) || textOf(card));
    const appliedOn = dayIn(first(v, APPLIED_LABELS));
    const r = flowNumber ? reading({ flowNumber, softwareName: first(v, NAME_LABELS), version: first(v, VERSION_LABELS), status: first(v, STATUS_LABELS), ...(appliedOn ? { appliedOn } : {}) }) : null;
    if (r?.status) out.push(r);
  }
  return out;
}

/** Every filing the list shows, in page order, each once. */
export function readFilingList(root: Element): FilingReading[] {
  try {
    const heads = [...root.querySelectorAll(HEADER_CELLS)].filter((th) => FLOW_LABELS.includes(labelText(th.textContent ?? '')));
    const rows = heads.flatMap(fromTable);
    const all = rows.length ? rows : fromCards(root);
    const seen = new Set<string>();
    return all.filter((r) => !seen.has(r.flowNumber) && !!seen.add(r.flowNumber));
  } catch {
    return [];
  }
}

// ── the detail ──

/** Step words with their dates and separators taken out: what the progress bar's text reduces to. */
const stepsOnly = (el: Element) => textOf(el).replace(/\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(\s*\d{1,2}:\d{2}(:\d{2})?)?/g, '').replace(/[\s→>\-—]+/g, '');

/** The element of each step, in order, under the bar: its children, or the children of its only child. */
function stepNodes(bar: Element): Element[] | null {
  for (let el: Element | null = bar; el; el = el.children.length === 1 ? el.children[0] : null) {
    const nodes = [...el.children].filter((c) => stepsOnly(c) !== '');
    if (nodes.length === FILING_STEPS.length && nodes.every((c, i) => stepsOnly(c) === FILING_STEPS[i])) return nodes;
  }
  return null;
}

const DONE_CLASS = /(^|[-_\s])(done|finish(ed)?|success|complete(d)?|active|current|pass(ed)?)($|[-_\s])/i;

/** The progress bar 提交→受理→审查→发放 [seen]: which steps are done and their dates where shown. */
function readProgress(root: Element): FilingStep[] | undefined {
  const bar = [...root.querySelectorAll('*')].find((el) => stepsOnly(el) === FILING_STEPS.join('') && isVisible(el) && ![...el.children].some((c) => stepsOnly(c) === FILING_STEPS.join('')));
  const nodes = bar && stepNodes(bar);
  if (!nodes) return undefined;
  return nodes.map((node, i) => {
    const date = dayIn(textOf(node));
    const marked = [node, ...node.querySelectorAll('*')].some((e) => DONE_CLASS.test(e.getAttribute('class') ?? '') || e.getAttribute('aria-current') === 'step');
    return { step: FILING_STEPS[i], done: marked || !!date, ...(date ? { date } : {}) };
  });
}

/** A title of the 补正 reasons (补正原因, 补正意见, 需补正的内容 …); the notice's own title (补正通知) heads more than its reasons. */
const REASONS_TITLE = /^(补正|需补正的?|需要补正的?)(原因|意见|内容|事项)$/;

/** The reasons under their title: a list, or one text numbered or split by lines and ；. */
function readReasonList(root: Element): string[] {
  for (const title of root.querySelectorAll('h1, h2, h3, h4, h5, h6, dt, th, strong, b, p, span, div, label')) {
    if (title.children.length || !REASONS_TITLE.test(labelText(title.textContent ?? '')) || !isVisible(title)) continue;
    const body = title.nextElementSibling ?? (title.parentElement?.children.length === 1 ? title.parentElement.nextElementSibling : null);
    if (!body) continue;
    const items = body.querySelectorAll('li').length ? [...body.querySelectorAll('li')].map(textOf) : splitReasons((body as HTMLElement).innerText ?? body.textContent ?? '');
    if (items.some(Boolean)) return items.filter(Boolean);
  }
  return [];
}

function readCorrection(root: Element, values: Map<string, string>): CorrectionReading | undefined {
  const noticeDate = dayIn(first(values, NOTICE_LABELS));
  const deadline = dayIn(first(values, DEADLINE_LABELS));
  const reasons = readReasonList(root);
  if (!noticeDate && !deadline && !reasons.length) return undefined;
  return { ...(noticeDate ? { noticeDate } : {}), ...(deadline ? { deadline } : {}), reasons: reasons.slice(0, 30).map((r) => r.slice(0, 500)) };
}

/** The filing the detail page shows, or null when the page does not show one. `url`: the page's, for its flowNumber. */
export function readFilingDetail(root: Element, url: string): FilingReading | null {
  try {
    const values = labelledValues(root);
    const status = first(values, STATUS_LABELS);
    const [onPage] = flowNumbersIn(first(values, FLOW_LABELS));
    const asked = new URL(url).searchParams.get('flowNumber') ?? '';
    const flowNumber = onPage ?? (FLOW_NUMBER.test(asked) ? asked : '');
    if (!flowNumber || !status) return null;
    const progress = readProgress(root);
    const correction = readCorrection(root, values);
    return reading({
      flowNumber,
      softwareName: first(values, NAME_LABELS),
      version: first(values, VERSION_LABELS),
      status,
      ...(progress ? { progress } : {}),
      ...(correction ? { correction } : {}),
    });
  } catch {
    return null;
  }
}
