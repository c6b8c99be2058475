import { aliyunApply } from '@/utils/pages/adapters/aliyun-apply';
import { login } from '@/utils/pages/adapters/login';
import { r11Application } from '@/utils/pages/adapters/r11-application';
import { r11Confirm } from '@/utils/pages/adapters/r11-confirm';
import { r11Development } from '@/utils/pages/adapters/r11-development';
import { r11Features } from '@/utils/pages/adapters/r11-features';
import { realnameOrg } from '@/utils/pages/adapters/realname-org';
import { realnamePerson } from '@/utils/pages/adapters/realname-person';
import { register } from '@/utils/pages/adapters/register';
import type { PageAdapter } from '@/utils/pages/adapters/toolkit';

/**
 * The one table of page kinds (docs/ARCHITECTURE.md, "Page kinds"): every kind the extension
 * recognises, the site it belongs to, the name the user sees, the application it is a step of, the
 * adapter that fills it and how much of a profile it may receive. Page names, R11 step order, plan
 * scopes and the adapter lookup are all read from here; detection (content script) names kinds by
 * this table's keys, so a kind that is not here cannot be detected.
 */

export interface Bilingual {
  zh: string;
  en: string;
}

export const SITES = {
  ccopyright: { zh: '中国版权保护中心', en: 'Copyright Protection Center' },
  aliyun: { zh: '阿里云软著服务', en: 'Alibaba Cloud' },
} as const satisfies Record<string, Bilingual>;
export type Site = keyof typeof SITES;

/**
 * One application a page is part of: its steps are one form (the name and version typed on one
 * step are compared on the next), share one plan scope, and their owners are rows.
 */
export const APPLICATIONS = {
  r11: { site: 'ccopyright', prefix: 'R11 · ' },
  aliyun: { site: 'aliyun', prefix: '阿里云 · ' },
} as const;
export type Application = keyof typeof APPLICATIONS;

/**
 * How much of the chosen profiles a page may receive (docs/ARCHITECTURE.md, "Plan scope"):
 * `account` the sign-up and login pages (the account's handles, no identity), `identity` pages
 * about one owner (real-name authentication), `application` a step of an application (the work
 * and its owners' identity, nothing about accounts or contacts). Pages without a form of their
 * own (the registration hall, the filing list) check the chosen owner: `identity`.
 */
export type Audience = 'account' | 'identity' | 'application';

/**
 * Where a page is known to live. A URL that matches a kind's place can only be that kind (or
 * another kind living there); a kind without a known place (real-name authentication, every
 * console page) is looked for at any URL of its site that no kind claims.
 */
export interface PagePlace {
  path: string;
  /** The hash routes (`#/features` → `/features`), when the place is a route of a single-page app. */
  route?: string | readonly string[];
  /** Query parameters the URL must carry. */
  query?: Readonly<Record<string, string>>;
}

export interface PageKindSpec {
  site: Site;
  at?: PagePlace;
  /** The page's own title, as the user reads it. */
  title: Bilingual;
  audience: Audience;
  adapter?: PageAdapter;
  /** The application this page is a step of, and its place among the steps (walking order). */
  application?: Application;
  step?: number;
  /**
   * Whether the content script's engine (fill, checks, guides) loads as soon as the page shows,
   * because the page gets something unprompted: a status guide, a verdict beside a file chosen, the
   * entries of a form's steps remembered for the later steps' checks. Other kinds load it on the
   * user's first action in the popup (docs/ARCHITECTURE.md, "The content script: a loader and an engine").
   */
  engineOnSight?: true;
}

export const PAGE_KINDS = {
  'ccopyright.login': { site: 'ccopyright', at: { path: '/login.html' }, title: { zh: '登录', en: 'Sign in' }, audience: 'account', adapter: login },
  'ccopyright.register': { site: 'ccopyright', at: { path: '/register.html' }, title: { zh: '账号注册', en: 'Account sign-up' }, audience: 'account', adapter: register },
  'ccopyright.realname.person': { site: 'ccopyright', title: { zh: '个人实名认证', en: 'Personal real-name authentication' }, audience: 'identity', adapter: realnamePerson , engineOnSight: true },
  'ccopyright.realname.org': { site: 'ccopyright', title: { zh: '机构实名认证', en: 'Organisation real-name authentication' }, audience: 'identity', adapter: realnameOrg , engineOnSight: true },
  'ccopyright.registration': { site: 'ccopyright', at: { path: '/registration.html', route: ['/index', '/registerSoft'] }, title: { zh: '软件登记', en: 'Software registration menu' }, audience: 'identity' },
  // Any route: a fresh visit shows the identity chooser whatever the hash says (a deep link to #/application too) [seen].
  'ccopyright.r11.identity': { site: 'ccopyright', at: { path: '/r11.html' }, title: { zh: '选择办理身份', en: 'Applicant identity' }, audience: 'application', application: 'r11', step: 0 },
  'ccopyright.r11.application': { site: 'ccopyright', at: { path: '/r11.html', route: '/application' }, title: { zh: '软件申请信息', en: 'Application information' }, audience: 'application', adapter: r11Application, application: 'r11', step: 1 , engineOnSight: true },
  'ccopyright.r11.development': { site: 'ccopyright', at: { path: '/r11.html', route: '/development' }, title: { zh: '软件开发信息', en: 'Development information' }, audience: 'application', adapter: r11Development, application: 'r11', step: 2 , engineOnSight: true },
  'ccopyright.r11.features': { site: 'ccopyright', at: { path: '/r11.html', route: '/features' }, title: { zh: '软件功能与特点', en: 'Functions and features' }, audience: 'application', adapter: r11Features, application: 'r11', step: 3 , engineOnSight: true },
  'ccopyright.r11.confirm': { site: 'ccopyright', at: { path: '/r11.html', route: '/confirm' }, title: { zh: '确认信息', en: 'Final review' }, audience: 'application', adapter: r11Confirm, application: 'r11', step: 4 , engineOnSight: true },
  'ccopyright.filings': { site: 'ccopyright', at: { path: '/account.html', query: { current: 'soft_register' } }, title: { zh: '我的登记', en: 'My filings' }, audience: 'identity' , engineOnSight: true },
  'ccopyright.filings.detail': { site: 'ccopyright', at: { path: '/accountDetails.html' }, title: { zh: '登记详情', en: 'Filing details' }, audience: 'identity' , engineOnSight: true },
  'aliyun.apply': { site: 'aliyun', title: { zh: '填写资料', en: 'Application form' }, audience: 'application', adapter: aliyunApply, application: 'aliyun', step: 0 , engineOnSight: true },
  'aliyun.orders': { site: 'aliyun', title: { zh: '订单列表', en: 'Orders' }, audience: 'application', application: 'aliyun' , engineOnSight: true },
  'aliyun.order': { site: 'aliyun', title: { zh: '订单详情', en: 'Order' }, audience: 'application', application: 'aliyun' , engineOnSight: true },
  // The console when the session has ended (docs/PORTALS.md: "not logged in", not an error): nothing to fill or check.
  'aliyun.signed-out': { site: 'aliyun', title: { zh: '未登录：请先登录阿里云账号', en: 'Signed out: sign in to Alibaba Cloud first' }, audience: 'account' },
} as const satisfies Record<string, PageKindSpec>;

export type PageKind = keyof typeof PAGE_KINDS;
const KINDS = PAGE_KINDS as Record<string, PageKindSpec>;
export const PAGE_KIND_LIST = Object.keys(PAGE_KINDS) as readonly PageKind[];

export const isPageKind = (page: string | null | undefined): page is PageKind => !!page && page in KINDS;

export function pageSpec(page: string | null | undefined): PageKindSpec | null {
  return isPageKind(page) ? KINDS[page] : null;
}

export const engineOnSight = (page: PageKind | null): boolean => !!page && !!pageSpec(page)?.engineOnSight;

/** The adapter of a page kind; kinds without one have nothing to fill from a profile. */
export function adapterFor(page: string | null | undefined): PageAdapter | null {
  return pageSpec(page)?.adapter ?? null;
}

/** The kinds of the same application as `page` (all its pages), or the page alone. */
export function siblingsOf(page: PageKind): PageKind[] {
  const application = KINDS[page].application;
  return application ? PAGE_KIND_LIST.filter((k) => KINDS[k].application === application) : [page];
}

/** The kinds of an application's steps, in walking order. */
export function stepsOf(application: Application): PageKind[] {
  return PAGE_KIND_LIST
    .filter((k) => KINDS[k].application === application && KINDS[k].step !== undefined)
    .sort((a, b) => KINDS[a].step! - KINDS[b].step!);
}

/** The R11 steps in the order the user walks them. */
export const R11_STEPS: readonly PageKind[] = stepsOf('r11');

/**
 * Whether the page is a step of an application form (an R11 step, the console's 填写资料), where the
 * work is checked, owners are rows (`owners.<i>.<field>`) and every owner must be authenticated.
 * The console's order pages belong to the application but are not a step of its form.
 */
export const isApplicationStep = (page: string | null | undefined): boolean => pageSpec(page)?.step !== undefined;

/** The name the user reads: "R11 · 软件申请信息 / Application information". */
export function pageName(page: string): string {
  const spec = pageSpec(page);
  if (!spec) return page;
  const prefix = spec.application ? APPLICATIONS[spec.application].prefix : '';
  return `${prefix}${spec.title.zh} / ${spec.title.en}`;
}

/** The page inside a sentence: "“软件申请信息”页", "阿里云“填写资料”页". */
export function pageWhere(page: string): string {
  const spec = pageSpec(page);
  if (!spec) return page;
  return `${spec.site === 'aliyun' ? '阿里云' : ''}“${spec.title.zh}”页`;
}

/** The hash route without query or trailing slash: `#/application?x=1` → `/application`. */
export function hashRoute(hash: string): string {
  return hash.replace(/^#/, '').split('?')[0].replace(/\/+$/, '') || '/';
}

const routeMatches = (route: PagePlace['route'], hash: string) => route === undefined || (typeof route === 'string' ? [route] : route).includes(hashRoute(hash));
const matches = (place: PagePlace, url: URL, path: string) =>
  place.path === path && routeMatches(place.route, url.hash) && Object.entries(place.query ?? {}).every(([k, v]) => url.searchParams.get(k) === v);

/**
 * The kinds a URL of `site` may be: those whose known place it is; else, when no kind claims its
 * path at all, those without a known place. A path some kind claims (login.html, r11.html …) is
 * never any other kind, whatever its content says.
 */
export function candidateKinds(site: Site, url: URL): PageKind[] {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const ofSite = PAGE_KIND_LIST.filter((k) => KINDS[k].site === site);
  const placed = ofSite.filter((k) => KINDS[k].at && matches(KINDS[k].at!, url, path));
  if (placed.length) return placed;
  // A claimed path with another route or query (r11.html#/payment) is none of ours.
  const claimed = ofSite.some((k) => KINDS[k].at?.path === path && !KINDS[k].at?.query);
  return claimed ? [] : ofSite.filter((k) => !KINDS[k].at);
}

export const siteName = (site: string | null | undefined): string => (site && site in SITES ? `${SITES[site as Site].zh} / ${SITES[site as Site].en}` : '');
