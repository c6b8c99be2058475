import { isVisible } from '@/utils/content/visibility';
import { PORTAL_HOSTS } from '@/utils/pages/hosts';
import { candidateKinds, hashRoute, type PageKind, type Site } from '@/utils/pages/registry';
import { labelText } from '@/utils/text/normalize';
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

/** What the console says when its session has ended. */
const SIGNED_OUT = ['您尚未登录', '登录已过期'];

/** A field a person can type in: what makes a form a form rather than a read-only summary. */
const EDITABLE = 'input:not([type]), input[type=text], textarea';

/** A visible 智能识别 | 手动填写 switch (tabs or radio buttons): both words, in one small block. */
function modeSwitch(doc: Document): Element | null {
  const smart = visibleText(doc, ['智能识别']);
  for (let box = smart?.parentElement ?? null, depth = 0; box && depth < 4; box = box.parentElement, depth++) {
    const text = labelText(box.textContent ?? '');
    if (text.length > 40) return null;
    if (text.includes('手动填写')) return box;
  }
  return null;
}

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
  // Signed out, the console shows only its notice (and soon sends the tab to account.aliyun.com, where nothing of ours runs).
  const signedOut = visibleText(doc, SIGNED_OUT);
  if (signedOut) return at('aliyun.signed-out', signedOut);
  // 软件基本信息 or 基本信息, 著作权人信息 or 著作权人: the parts' titles in any of their wordings.
  const basic = consoleTitle(doc, '基本信息');
  const editable = [...doc.querySelectorAll<HTMLInputElement>(EDITABLE)].some((e) => !e.readOnly && !e.disabled && isVisible(e));
  if (basic && consoleTitle(doc, '著作权人') && editable) return at('aliyun.apply', basic);
  // The form's own switch between its two modes: 智能识别 (a Word file, nothing to type) and 手动填写.
  const modes = modeSwitch(doc);
  if (modes) return at('aliyun.apply', modes);
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
