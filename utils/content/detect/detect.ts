import { isVisible } from '@/utils/content/fill/collect';
import { PORTAL_HOSTS } from '@/utils/pages/hosts';
import { candidateKinds, hashRoute, type PageKind, type Site } from '@/utils/pages/registry';
import { consoleTitle, findMarker, MARKERS, ORG_WORDS, visibleOrderTable, visibleStatusLabel, visibleText } from './markers';

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

/** The site of each official host. */
const SITE_OF: Record<(typeof PORTAL_HOSTS)[number], Site> = {
  'register.ccopyright.com.cn': 'ccopyright',
  'copyright.console.aliyun.com': 'aliyun',
};

/**
 * The center's page: the URL narrows the kinds (a path a kind claims is only that kind), the
 * visible content decides among them. Real-name authentication lives at a path nobody has
 * confirmed: wherever no kind claims the path, its upload captions find it, and visible words only
 * an organisation's form has tell the organisation's apart.
 */
function detectCcopyright(url: URL, doc: Document): Detection | null {
  for (const page of candidateKinds('ccopyright', url)) {
    const marker = MARKERS[page] && findMarker(doc, MARKERS[page]!);
    if (!marker) continue;
    if (page === 'ccopyright.realname.person' || page === 'ccopyright.realname.org') {
      const org = visibleText(doc, ORG_WORDS) !== null;
      return { site: 'ccopyright', page: org ? 'ccopyright.realname.org' : 'ccopyright.realname.person', marker };
    }
    return { site: 'ccopyright', page, marker };
  }
  return null;
}

/** A field a person can type in: what makes a form a form rather than a read-only summary. */
const EDITABLE = 'input:not([type]), input[type=text], textarea';

/**
 * Recognises a page of Alibaba Cloud's 软著 console (utils/pages/adapters/README.md). The
 * console's routes are a [guess], so the visible DOM decides: the 手动填写 form by its part titles
 * [guide] and an editable field; an order by its labelled 订单状态; the list by a table with a
 * 订单状态 column and rows. Only where a page shows both an order's status and a table does the
 * route (an order's own, `/order/<id>`) tell them apart.
 */
function detectAliyun(url: URL, doc: Document): Detection | null {
  if (!doc.body) return null;
  const at = (page: PageKind, marker: Element): Detection => ({ site: 'aliyun', page, marker });
  const basic = consoleTitle(doc, '软件基本信息');
  const editable = [...doc.querySelectorAll<HTMLInputElement>(EDITABLE)].some((e) => !e.readOnly && !e.disabled && isVisible(e));
  if (basic && consoleTitle(doc, '著作权人信息') && editable) return at('aliyun.apply', basic);
  const status = visibleStatusLabel(doc);
  const table = visibleOrderTable(doc);
  const route = url.hash.startsWith('#/') ? hashRoute(url.hash) : url.pathname;
  if (status && (!table || /\/order\/(?!list$)[^/]+$/.test(route))) return at('aliyun.order', status);
  if (table) return at('aliyun.orders', table);
  return null;
}

/** The page kind of an official page over https, from its URL and what it visibly shows; null otherwise. */
export function detectPage(url: string, doc: Document): Detection | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  const site = SITE_OF[parsed.hostname as keyof typeof SITE_OF];
  if (site === 'ccopyright') return detectCcopyright(parsed, doc);
  if (site === 'aliyun') return detectAliyun(parsed, doc);
  return null;
}
