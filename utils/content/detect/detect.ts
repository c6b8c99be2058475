import { orderStatusLabel, orderTableHeader } from '@/utils/content/reading/order-page';
import { labelText } from '@/utils/text/normalize';
import { R11_STEPS, type PageKind, type Site } from '@/utils/pages/registry';
import { ALIYUN_CONSOLE_HOST } from '@/utils/pages/hosts';

export interface PageIdentity {
  site: Site;
  /** Dotted page kind, e.g. `ccopyright.r11.application`: a key of the registry. */
  page: PageKind;
}

export interface Detection extends PageIdentity {
  /**
   * The element that proved the page kind. While it stays in the document and the URL is the same,
   * the page is still that kind: re-detection on DOM changes costs one `isConnected`.
   */
  marker: Element;
}

/** The hash route without query or trailing slash: `#/application?x=1` → `/application`. */
export function hashRoute(hash: string): string {
  return hash.replace(/^#/, '').split('?')[0].replace(/\/+$/, '') || '/';
}

const HEADINGS = 'h1, h2, h3, h4, legend';

/** The first heading whose text matches: step bars list every step's title, headings only the current one. */
function heading(doc: Document, re: RegExp): Element | null {
  for (const h of doc.querySelectorAll(HEADINGS)) if (re.test(h.textContent ?? '')) return h;
  return null;
}

/** The element holding the first text node that contains one of the needles. */
function textElement(doc: Document, needles: readonly string[]): Element | null {
  if (!doc.body) return null;
  const walk = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const t = n.nodeValue ?? '';
    if (needles.some((x) => t.includes(x)) && n.parentElement && n.parentElement.closest('script, style') === null) return n.parentElement;
  }
  return null;
}

/**
 * What shows that each R11 step has rendered (the hash changes first; the step renders late):
 * the step's own heading or a control only that step has.
 */
const R11_MARKERS: Partial<Record<PageKind, (doc: Document) => Element | null>> = {
  'ccopyright.r11.identity': (doc) => heading(doc, /我是申请人|我是代理人|申请身份/),
  'ccopyright.r11.application': (doc) => doc.querySelector('input[placeholder="请输入软件全称"]') ?? heading(doc, /软件申请信息/),
  'ccopyright.r11.development': (doc) => heading(doc, /软件开发信息/) ?? doc.querySelector('.datePicker'),
  'ccopyright.r11.features': (doc) => doc.querySelector('.fillin_item') ?? heading(doc, /软件功能与特点/),
  'ccopyright.r11.confirm': (doc) => heading(doc, /确认/),
};

const REALNAME_CAPTIONS = ['上传手持证件照片', '上传证件照正面'];
const ORG_WORDS = /营业执照|统一社会信用代码|法定代表人|机构名称/;

/**
 * Real-name authentication lives under the account area at a path nobody has confirmed: its upload
 * captions identify it wherever it is. The `current=` parameter, where present, says which kind.
 */
function realname(url: URL, doc: Document): Detection | null {
  const marker = textElement(doc, REALNAME_CAPTIONS);
  if (!marker) return null;
  const current = url.searchParams.get('current') ?? '';
  const org = /org/.test(current) || (!/person/.test(current) && ORG_WORDS.test(doc.body?.textContent ?? ''));
  return { site: 'ccopyright', page: org ? 'ccopyright.realname.org' : 'ccopyright.realname.person', marker };
}

/**
 * Recognises a page of the copyright center from its URL (path, hash route, query) and a DOM marker
 * showing that the page's content has rendered. Returns null for anything else, and for a known
 * URL whose content is not there yet: an unknown page is never guessed.
 */
export function detectCcopyright(url: URL, doc: Document): Detection | null {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const route = hashRoute(url.hash);
  const at = (page: PageKind, marker: Element | null): Detection | null => (marker ? { site: 'ccopyright', page, marker } : null);
  switch (path) {
    case '/login.html':
      return at('ccopyright.login', doc.querySelector('input[type=password]'));
    case '/register.html':
      return at('ccopyright.register', doc.querySelector('input[type=password]'));
    case '/registration.html':
      return route === '/registerSoft' ? at('ccopyright.registration', textElement(doc, ['计算机软件著作权登记申请'])) : null;
    case '/r11.html': {
      // Each step's hash route is its kind's last part: #/application → ccopyright.r11.application.
      const step = R11_STEPS.find((kind) => route === `/${kind.split('.').at(-1)}`);
      return step ? at(step, R11_MARKERS[step]?.(doc) ?? null) : null;
    }
    case '/account.html':
      if (url.searchParams.get('current') === 'soft_register') return at('ccopyright.filings', textElement(doc, ['流水号']));
      break;
  }
  return realname(url, doc);
}

/** Titles of the console's parts: headings, Ant cards' titles, ARIA headings. */
const CONSOLE_TITLES = 'h1, h2, h3, h4, legend, .ant-card-head-title, [role=heading]';

/** A short title containing `text` (一、软件基本信息 counts; a paragraph that mentions it does not). */
function consoleTitle(doc: Document, text: string): Element | null {
  for (const t of doc.querySelectorAll(CONSOLE_TITLES)) {
    const s = labelText(t.textContent ?? '');
    if (s.includes(text) && s.length <= text.length + 8) return t;
  }
  return null;
}

/** A field a person can type in: what makes a form a form rather than a read-only summary. */
const EDITABLE = 'input:not([type]), input[type=text], textarea';

/**
 * Recognises a page of Alibaba Cloud's 软著 console (utils/pages/adapters/README.md). The
 * console's routes are a [guess], so the DOM decides: the 手动填写 form by its part titles [guide]
 * and an editable field; an order by its labelled 订单状态; the list by a table with a 订单状态
 * column and rows. Only where a page shows both an order's status and a table does the route
 * (an order's own, `/order/<id>`) tell them apart.
 */
export function detectAliyun(url: URL, doc: Document): Detection | null {
  if (!doc.body) return null;
  const at = (page: PageKind, marker: Element): Detection => ({ site: 'aliyun', page, marker });
  const basic = consoleTitle(doc, '软件基本信息');
  const editable = [...doc.querySelectorAll(EDITABLE)].some((e) => !(e as HTMLInputElement).readOnly && !(e as HTMLInputElement).disabled);
  if (basic && consoleTitle(doc, '著作权人信息') && editable) return at('aliyun.apply', basic);
  const status = orderStatusLabel(doc.body);
  const table = orderTableHeader(doc.body);
  const route = url.hash.startsWith('#/') ? hashRoute(url.hash) : url.pathname;
  if (status && (!table || /\/order\/(?!list$)[^/]+$/.test(route))) return at('aliyun.order', status);
  if (table) return at('aliyun.orders', table);
  return null;
}

export function detectPage(url: string, doc: Document): Detection | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  if (parsed.hostname === 'register.ccopyright.com.cn') return detectCcopyright(parsed, doc);
  if (parsed.hostname === ALIYUN_CONSOLE_HOST) return detectAliyun(parsed, doc);
  return null;
}
