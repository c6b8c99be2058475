import { optionKey } from './normalize';

/*
 * Choosing among option texts (selects, radios, checkboxes, region lists): the one option that
 * means a profile's value, never a first or a random one.
 */

// Longest suffix first, so 内蒙古自治区 loses 自治区 and not only 区.
const REGION_SUFFIX = /(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|省|市)$/;

/** A region without its administrative suffix: 北京市 → 北京, 内蒙古自治区 → 内蒙古. */
export function regionKey(s: string): string {
  const k = optionKey(s);
  const short = k.replace(REGION_SUFFIX, '');
  return short.length >= 2 ? short : k;
}

/**
 * Words the portal and the profile use for the same choice. The profile stores the portal's words
 * from one page (事业单位法人); another page of the same portal shortens them (事业法人).
 */
const SYNONYMS: readonly (readonly string[])[] = [
  ['事业单位法人', '事业法人'],
  ['社会团体法人', '社团法人'],
  ['居民身份证', '身份证'],
  ['统一社会信用代码证书', '统一社会信用代码', '营业执照'],
  ['个人', '个人用户', '自然人'],
  ['机构', '机构用户', '单位', '非自然人'],
  // 软件分类: one current source says the first option now reads APP (docs/PORTALS.md, conflict).
  ['应用软件', 'app'],
  // 开发方式 in other forms' words.
  ['单独开发', '独立开发'],
  // A country list that names Hong Kong, Macao and Taiwan apart calls the mainland 中国大陆.
  ['中国', '中国大陆', '中华人民共和国'],
];

function synonymGroup(key: string): readonly string[] | undefined {
  return SYNONYMS.find((g) => g.includes(key));
}

/** A run of mask characters: a list shows an ID number as 4403****682X. */
const MASK = /\*{2,}/;

/** Whether `masked` (an option with a masked part) shows `full` with some characters hidden. */
function unmasks(masked: string, full: string): boolean {
  if (!MASK.test(masked)) return false;
  const pattern = masked.split(/\*{2,}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+');
  return new RegExp(`^${pattern}$`).test(full);
}

/** Whether two option texts mean the same choice: equal, the same region, synonyms, or one masking the other. */
export function sameOption(a: string, b: string): boolean {
  const ka = optionKey(a);
  const kb = optionKey(b);
  if (ka === kb) return true;
  if (unmasks(ka, kb) || unmasks(kb, ka)) return true;
  if (regionKey(a) === regionKey(b)) return true;
  const g = synonymGroup(ka);
  return g !== undefined && g.includes(kb);
}

type PickHow = 'exact' | 'equivalent' | 'partial';
export type OptionPick =
  | { ok: true; index: number; how: PickHow }
  | { ok: false; reason: 'missing' | 'ambiguous'; candidates: number[] };

/**
 * The one option that means `wanted`: the exact text first, then an equivalent (region suffix,
 * synonym), then a containment in either direction, each only when it is unique. Never the first
 * or a random option.
 */
export function pickOption(wanted: string, options: readonly string[]): OptionPick {
  const want = optionKey(wanted);
  if (!want) return { ok: false, reason: 'missing', candidates: [] };
  const keys = options.map(optionKey);
  const stages: [PickHow, (k: string, i: number) => boolean][] = [
    ['exact', (k) => k === want],
    ['equivalent', (_k, i) => sameOption(options[i], wanted)],
    // A masked option (张三（1101****0012）) is matched only through its mask: its name alone could be a namesake's.
    ['partial', (k) => k.length >= 2 && want.length >= 2 && !MASK.test(k) && (k.includes(want) || want.includes(k))],
  ];
  for (const [how, test] of stages) {
    const hits = keys.flatMap((k, i) => (test(k, i) ? [i] : []));
    if (hits.length === 1) return { ok: true, index: hits[0], how };
    if (hits.length > 1) return { ok: false, reason: 'ambiguous', candidates: hits };
  }
  return { ok: false, reason: 'missing', candidates: [] };
}

/**
 * Whether an area a cascader shows (江苏 / 常州 / 武进区) is the wanted one: [province, city, the
 * address naming the district]. The first two levels compare as regions; a third is named inside
 * the address.
 */
export function sameArea(shown: readonly string[], wanted: readonly string[]): boolean {
  if (!shown.length) return false;
  return shown.every((s, i) => !!wanted[i] && (i < 2 ? regionKey(s) === regionKey(wanted[i]) : wanted[i].includes(s)));
}
