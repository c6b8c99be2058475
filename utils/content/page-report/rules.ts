import { PAGE_REPORT_LIMITS } from '@/utils/schema/page-report';
import { normalizeText } from '@/utils/text/normalize';

/*
 * What the page-structure report masks, as data with the reasons (SECURITY.md, "The page-structure
 * report"). The report keeps only the page's fixed vocabulary — headings, labels, placeholders,
 * buttons, options — and never a value; these rules are the second line, for personal data that a
 * page puts even in those places (a heading that names the account holder, a hint that repeats a
 * number).
 */

export interface TextMask {
  name: string;
  pattern: RegExp;
  /** What stands in its place. */
  as: string;
  why: string;
}

/** In order: an e-mail before the digit runs inside it, an ID number before a phone's digits. */
export const TEXT_MASKS: readonly TextMask[] = [
  { name: 'email', pattern: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, as: '‹email›', why: 'a person’s or a company’s address' },
  {
    name: 'credit-code',
    pattern: /(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])/gi,
    as: '‹id-number›',
    why: 'a unified social credit code: an organisation’s ID number',
  },
  { name: 'id-number', pattern: /(?<!\d)(?:\d{17}[\dXx]|\d{15})(?!\d)/g, as: '‹id-number›', why: 'a resident ID number (18 or 15 characters)' },
  { name: 'mobile', pattern: /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g, as: '‹phone›', why: 'a mobile number' },
  { name: 'landline', pattern: /(?<!\d)0\d{2,3}[\s-]\d{7,8}(?!\d)/g, as: '‹phone›', why: 'a landline with its area code' },
  {
    name: 'date',
    pattern: /(?<!\d)\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?/g,
    as: '‹date›',
    why: 'a date on a page is a filing’s, an order’s or a person’s (born, completed), not the page’s words',
  },
  {
    name: 'identifier',
    pattern: /(?<![\w-])(?=(?:[A-Za-z_-]*\d){6})[\w-]+/g,
    as: '‹id›',
    why: 'a run of letters and digits holding six digits or more: a 流水号 (2026R11L0125852), an order, account or record number, a postcode',
  },
];

/** Normalised, masked and cut to the report's length. */
export function maskText(raw: string): string {
  let s = normalizeText(raw);
  for (const m of TEXT_MASKS) s = s.replace(m.pattern, m.as);
  if (s.length <= PAGE_REPORT_LIMITS.text) return s;
  // Never half a surrogate pair.
  const cut = s.slice(0, PAGE_REPORT_LIMITS.text).replace(/[\uD800-\uDBFF]$/, '');
  return `${cut}…`;
}

export interface ClassRule {
  pattern: RegExp;
  why: string;
}

/** Class names are the page's structure and kept, except these. */
export const DROPPED_CLASSES: readonly ClassRule[] = [
  { pattern: /\d{4,}/, why: 'a run of digits: an id or a record number the page wrote into a class' },
  { pattern: /[^\x21-\x7e]/, why: 'non-ASCII: words, perhaps a value, not a class a stylesheet names' },
  { pattern: /^.{41,}$/, why: 'too long to be a component’s class: generated, or data' },
  {
    pattern: /(?:^|[-_])(?:checked|selected|active|current|focus|focused|hover|filled|has-value|not-empty)$/i,
    why: 'which option is chosen, or whether a field is filled, is the user’s entry; focus and hover change as the user moves',
  },
  { pattern: /^ruanzhu/i, why: 'our own marks, not the page' },
];

export function keptClasses(el: Element): string[] {
  const kept = [...el.classList].filter((c) => !DROPPED_CLASSES.some((r) => r.pattern.test(c)));
  return [...new Set(kept)].slice(0, PAGE_REPORT_LIMITS.classes);
}

/**
 * A URL part that is an identifier rather than a route's word: three digits or more (an order id
 * such as `…cn-7k2m9q1`, a 流水号) or an `@`; `r11.html` stays.
 */
const isIdentifier = (part: string) => (part.match(/\d/g)?.length ?? 0) >= 3 || part.includes('@');
export const URL_SEGMENT_MASK = ':id';

const maskSegments = (path: string) =>
  path
    .split('/')
    .map((s) => (isIdentifier(safeDecode(s)) ? URL_SEGMENT_MASK : s))
    .join('/');

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Query keys in order of appearance, once; a key that looks like an identifier is masked too. Values are dropped: they carry IDs (flowNumber=…). */
function queryKeys(search: string): string[] {
  const keys = [...new URLSearchParams(search).keys()].map((k) => (isIdentifier(k) ? URL_SEGMENT_MASK : k));
  return [...new Set(keys)].slice(0, PAGE_REPORT_LIMITS.queryKeys);
}

export interface ReportUrl {
  origin: string;
  path: string;
  query: string[];
  route: string | null;
  routeQuery: string[];
}

/** Where the page is, without a value: origin, path and hash route with identifiers masked, query keys only. */
export function describeUrl(href: string): ReportUrl {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { origin: '', path: '', query: [], route: null, routeQuery: [] };
  }
  const hash = url.hash.replace(/^#!?/, '');
  const [route, ...rest] = hash.split('?');
  return {
    origin: url.origin,
    path: maskSegments(url.pathname),
    query: queryKeys(url.search),
    route: hash ? maskSegments(route) : null,
    routeQuery: queryKeys(rest.join('?')),
  };
}
