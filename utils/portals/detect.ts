import type { Site } from '../messages/contract';

export interface PageIdentity {
  site: Site;
  /** Dotted page kind, e.g. `ccopyright.r11.application`. */
  page: string;
}

/** The hash route without query or trailing slash: `#/application?x=1` → `/application`. */
export function hashRoute(hash: string): string {
  return hash.replace(/^#/, '').split('?')[0].replace(/\/+$/, '') || '/';
}

const R11_STEPS = ['identity', 'application', 'development', 'features', 'confirm'] as const;

/**
 * Recognises a page of the copyright center from its URL and, where the URL is not enough, a few
 * DOM markers. Returns null for anything else: an unknown page is never guessed.
 */
export function detectCcopyright(url: URL, doc: Document): PageIdentity | null {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const route = hashRoute(url.hash);
  const at = (page: string): PageIdentity => ({ site: 'ccopyright', page: `ccopyright.${page}` });
  switch (path) {
    case '/login.html':
      return at('login');
    case '/register.html':
      return at('register');
    case '/registration.html':
      return at('registration');
    case '/r11.html': {
      const step = R11_STEPS.find((s) => route === `/${s}`);
      return step ? at(`r11.${step}`) : null;
    }
    case '/account.html':
      if (url.searchParams.get('current') === 'soft_register') return at('filings');
      break;
  }
  // Real-name authentication lives under the account area at a path nobody has confirmed: its
  // upload captions identify it wherever it is.
  const text = doc.body?.textContent ?? '';
  if (text.includes('上传手持证件照片') || text.includes('上传证件照正面')) {
    return at(/营业执照|统一社会信用代码|法定代表人/.test(text) ? 'realname.org' : 'realname.person');
  }
  return null;
}

export function detectPage(url: string, doc: Document): PageIdentity | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  if (parsed.hostname === 'register.ccopyright.com.cn') return detectCcopyright(parsed, doc);
  return null;
}
