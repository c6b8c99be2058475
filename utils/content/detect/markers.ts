import { isVisible } from '@/utils/content/visibility';
import { HEADINGS as SECTION_HEADINGS } from '@/utils/content/fill/signals';
import { orderStatusLabel, orderTableHeader } from '@/utils/content/reading/order-page';
import type { PageKind } from '@/utils/pages/registry';
import { labelText } from '@/utils/text/normalize';

/*
 * What shows that a page of a kind has rendered (docs/ARCHITECTURE.md, "Page kinds"): data — a
 * selector, a heading, a text — read only where the user can see it. Hidden text, text in a
 * script and words in an attribute prove nothing: a page could plant them to pose as another kind.
 */

export interface Marker {
  /** A control or element only this kind has. */
  selector?: string;
  /** A heading (h1–h4, legend) whose text matches (step bars are not headings). */
  heading?: RegExp;
  /** A visible text containing one of these. */
  text?: readonly string[];
  /** A kind whose page repeats this marker (a summary of every step): where its marker shows, this one proves nothing. */
  unless?: PageKind;
}

const HEADINGS = 'h1, h2, h3, h4, legend';

function visibleSelector(doc: Document, selector: string): Element | null {
  for (const el of doc.querySelectorAll(selector)) if (isVisible(el)) return el;
  return null;
}

function visibleHeading(doc: Document, re: RegExp): Element | null {
  for (const h of doc.querySelectorAll(HEADINGS)) if (re.test(h.textContent ?? '') && isVisible(h)) return h;
  return null;
}

/** The visible element holding the first text node that contains one of the needles. */
export function visibleText(doc: Document, needles: readonly string[]): Element | null {
  if (!doc.body) return null;
  const walk = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const t = n.nodeValue ?? '';
    const el = n.parentElement;
    if (el && needles.some((x) => t.includes(x)) && !el.closest('script, style, template, noscript') && isVisible(el)) return el;
  }
  return null;
}

/** The element that proves the marker, or null. */
export function findMarker(doc: Document, m: Marker): Element | null {
  const repeatedBy = m.unless && MARKERS[m.unless];
  if (repeatedBy && findMarker(doc, repeatedBy)) return null;
  return (m.selector && visibleSelector(doc, m.selector)) || (m.heading && visibleHeading(doc, m.heading)) || (m.text && visibleText(doc, m.text)) || null;
}

const REALNAME_CAPTIONS = ['上传手持证件照片', '上传证件照正面'];

/** The markers of the center's kinds. The real-name page's URL is unknown: its upload captions find it anywhere. */
export const MARKERS: Partial<Record<PageKind, Marker>> = {
  'ccopyright.login': { selector: 'input[type=password]' },
  // The sign-up starts at its agreement, then the account type: no password field until the form.
  'ccopyright.register': { selector: 'input[type=password]', heading: /注册/, text: ['同意并继续'] },
  'ccopyright.registration': { text: ['计算机软件著作权登记申请'] },
  'ccopyright.r11.identity': { heading: /我是申请人|我是代理人|申请身份/ },
  // A step by its title heading or a control only it has — not by its sections' class: every
  // step's sections are `.fillin_item`s (docs/PORTALS.md), and the wizard changes its route before
  // the new step renders, so a marker the old step shows would name the route's step over the old
  // step's fields. The confirm step's summary repeats every step's title: where it shows, a title
  // proves nothing (`unless`).
  'ccopyright.r11.application': { selector: 'input[placeholder="请输入软件全称"]', heading: /软件申请信息/, unless: 'ccopyright.r11.confirm' },
  'ccopyright.r11.development': { heading: /软件开发信息/, selector: '.datePicker', unless: 'ccopyright.r11.confirm' },
  'ccopyright.r11.features': { heading: /软件功能与特点/, unless: 'ccopyright.r11.confirm' },
  'ccopyright.r11.confirm': { heading: /确认/ },
  'ccopyright.filings': { text: ['流水号'] },
  // docs/PORTALS.md "Pages and routes": the detail shows 申请状态：… and 查看申请表 [seen].
  'ccopyright.filings.detail': { text: ['申请状态', '查看申请表'] },
  'ccopyright.realname.person': { text: REALNAME_CAPTIONS },
  'ccopyright.realname.org': { text: REALNAME_CAPTIONS },
};

/** Words only the organisation's authentication shows; where they are visible, the page is the organisation's. */
export const ORG_WORDS = ['营业执照', '统一社会信用代码', '法定代表人', '机构名称'];

/** Titles of the console's parts: the sections' headings as the fill engine reads them. */
const CONSOLE_TITLES = SECTION_HEADINGS;

/** A short, visible title containing `text` (一、软件基本信息 counts; a paragraph that mentions it does not). */
export function consoleTitle(doc: Document, text: string): Element | null {
  for (const t of doc.querySelectorAll(CONSOLE_TITLES)) {
    const s = labelText(t.textContent ?? '');
    if (s.includes(text) && s.length <= text.length + 8 && isVisible(t)) return t;
  }
  return null;
}

/** The console's order status label and list header, when visible. */
export const visibleStatusLabel = (doc: Document): Element | null => {
  const el = doc.body ? orderStatusLabel(doc.body) : null;
  return el && isVisible(el) ? el : null;
};
export const visibleOrderTable = (doc: Document): Element | null => {
  const el = doc.body ? orderTableHeader(doc.body) : null;
  return el && isVisible(el) ? el : null;
};
