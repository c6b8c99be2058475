import type { Finding } from '@/utils/schema/finding';
import type { Owner } from '@/utils/schema/owner';
import type { Work } from '@/utils/schema/work';
import { quote, str } from './common';
import { finding } from './finding';
import { normaliseMobile } from './identity';

/*
 * Values that must be equal in several places: the authenticated name and ID number, the accounts
 * of several owners, the software's name and version across the steps and the materials.
 */

/** How the first differing character differs: the hint a user needs to see an invisible difference. */
export type DifferenceKind = 'width' | 'space' | 'case' | 'missing' | 'extra' | 'other';

export interface Difference {
  /** 1-based position of the first differing character (code points, as a reader counts). */
  position: number;
  /** The character there in the value checked, '' when it ended. */
  actual: string;
  /** The character there in the reference, '' when it ended. */
  expected: string;
  kind: DifferenceKind;
}

/**
 * The first difference between a value and its reference after trimming both (and nothing else,
 * since the center compares character for character), or null when they are equal.
 */
export function firstDifference(actual: string, expected: string): Difference | null {
  const a = Array.from(str(actual).trim());
  const e = Array.from(str(expected).trim());
  const n = Math.max(a.length, e.length);
  for (let i = 0; i < n; i++) {
    if (a[i] === e[i]) continue;
    const ca = a[i] ?? '';
    const ce = e[i] ?? '';
    let kind: DifferenceKind;
    if (!ca) kind = 'missing';
    else if (!ce) kind = 'extra';
    else if (/\s/.test(ca) || /\s/.test(ce)) kind = 'space';
    else if (ca.normalize('NFKC') === ce.normalize('NFKC')) kind = 'width';
    else if (ca.toUpperCase() === ce.toUpperCase()) kind = 'case';
    else kind = 'other';
    return { position: i + 1, actual: ca, expected: ce, kind };
  }
  return null;
}

function showZh(c: string): string {
  if (!c) return '（无）';
  if (c === ' ') return '半角空格';
  if (c === '\u3000') return '全角空格';
  if (/\s/.test(c)) return `空白字符 U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return c.normalize('NFKC') !== c ? `“${c}”（全角）` : `“${c}”`;
}

function showEn(c: string): string {
  if (!c) return '(nothing)';
  if (c === ' ') return 'a space';
  if (c === '\u3000') return 'a full-width space';
  if (/\s/.test(c)) return `whitespace U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return c.normalize('NFKC') !== c ? `"${c}" (full-width)` : `"${c}"`;
}

const KIND_ZH: Record<DifferenceKind, string> = {
  width: '，全角与半角不同',
  space: '，空格不同',
  case: '，大小写不同',
  missing: '，少了字符',
  extra: '，多了字符',
  other: '',
};
const KIND_EN: Record<DifferenceKind, string> = {
  width: '; full-width vs half-width',
  space: '; a space differs',
  case: '; upper vs lower case',
  missing: '; characters are missing',
  extra: '; there are extra characters',
  other: '',
};

/**
 * Whether a message may show the reference's characters. In the options page it may; on a portal
 * page it may not (SECURITY.md: the page never sees a profile value it did not show itself), so a
 * difference is told by its position, with the page's own character at most.
 */
export interface Disclosure {
  reveal?: boolean;
}

/**
 * "第 3 个字符是“（”（全角），应为“(”，全角与半角不同" and its English, for a finding. Without
 * `reveal`, the position alone, and the checked value's own character when `shown` says the page
 * shows that value itself: "从第 3 个字符（“（”（全角））起不同".
 */
export function describeDifference(d: Difference, { reveal = true }: Disclosure = {}, shown = false): [string, string] {
  if (!reveal) {
    const own = shown && d.actual;
    return [`从第 ${d.position} 个字符${own ? `（${showZh(d.actual)}）` : ''}起不同`, `they differ from character ${d.position}${own ? ` (${showEn(d.actual)})` : ''} on`];
  }
  return [
    `第 ${d.position} 个字符是${showZh(d.actual)}，应为${showZh(d.expected)}${KIND_ZH[d.kind]}`,
    `character ${d.position} is ${showEn(d.actual)} where ${showEn(d.expected)} is expected${KIND_EN[d.kind]}`,
  ];
}

export interface NameAndId {
  name?: string;
  idNumber?: string;
}

const NAME_ID_FIELDS = [
  ['name', '名称', 'name'],
  ['idNumber', '证件号码', 'ID number'],
] as const;

/**
 * realname.match: the owner's name and ID number must equal, character for character, the ones
 * that passed real-name authentication (owner.realName), and the values on a page must equal the
 * profile's. `page` holds what a form currently shows; without it only the profile is compared.
 * A side that is still empty is not compared (nothing was typed or authenticated yet).
 */
export function checkRealNameMatch(owner: Owner, page?: NameAndId, disclosure: Disclosure = {}): Finding[] {
  const o: Record<string, unknown> = owner && typeof owner === 'object' ? owner : {};
  const realName: Record<string, unknown> = o.realName && typeof o.realName === 'object' ? (o.realName as Record<string, unknown>) : {};
  const shown: Record<string, unknown> = page && typeof page === 'object' ? (page as Record<string, unknown>) : {};
  const out: Finding[] = [];
  for (const [key, zh, en] of NAME_ID_FIELDS) {
    const profile = str(o[key]);
    const authenticated = str(realName[key]);
    const onPage = str(shown[key]);
    if (profile.trim() && authenticated.trim()) {
      const d = firstDifference(profile, authenticated);
      if (d) {
        const [dz, de] = describeDifference(d, disclosure);
        out.push(finding('realname.match', key, `${zh}与实名认证的不一致：${dz}`, `the ${en} differs from the authenticated one: ${de}`));
      }
    }
    if (onPage.trim() && profile.trim()) {
      const d = firstDifference(onPage, profile);
      if (d) {
        // The page's value is the page's own: its character may be named, the profile's never.
        const [dz, de] = describeDifference(d, disclosure, true);
        out.push(finding('realname.match', key, `页面上的${zh}与资料不一致：${dz}`, `the ${en} on the page differs from the profile: ${de}`));
      }
    }
  }
  return out;
}

/** The distinct owner ids of a work, in order, whatever a draft holds. */
function ownerIdsOf(work: Work): string[] {
  const ids = work && typeof work === 'object' && Array.isArray(work.ownerIds) ? work.ownerIds : [];
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id.trim() !== ''))];
}

/**
 * realname.required: every owner of a work, co-owners included, must have passed real-name
 * authentication before the application form can be produced (each co-owner receives a code).
 */
export function checkRealNameRequired(work: Work, owners: Owner[]): Finding[] {
  const ids = ownerIdsOf(work);
  if (!ids.length) return [finding('realname.required', 'ownerIds', '还没有选择著作权人', 'no copyright owner has been chosen yet')];
  const list = Array.isArray(owners) ? owners : [];
  return ids.flatMap((id, i) => {
    const owner = list.find((o) => o && typeof o === 'object' && o.id === id);
    const nth = ids.length > 1 ? `第 ${i + 1} 著作权人` : '著作权人';
    const nthEn = ids.length > 1 ? `owner ${i + 1}` : 'the owner';
    if (!owner) return [finding('realname.required', 'ownerIds', `${nth}（${id}）的资料不存在`, `${nthEn} (${id}) has no profile`)];
    const who = str(owner.name) || id;
    const status = owner.realName && typeof owner.realName === 'object' ? owner.realName.status : undefined;
    if (status === 'verified') return [];
    if (status === 'pending') {
      return [finding('realname.required', 'ownerIds', `${nth}“${who}”的实名认证正在审核（约 1–3 个工作日），通过后才能提交`, `${nthEn} "${who}" awaits the real-name review (1–3 working days)`)];
    }
    return [finding('realname.required', 'ownerIds', `${nth}“${who}”尚未实名认证，每个著作权人都需要认证`, `${nthEn} "${who}" is not authenticated; every owner must be`)];
  });
}

/** A finding about several owners at once, with their ids for the UI. */
export type GroupFinding = Finding & { ownerIds: string[] };

/**
 * account.unique-phone / account.unique-email: one phone number and one email register only one
 * portal account. Each owner's account values are compared (or, with no account recorded, the
 * profile's phone and email, which a sign-up would use); every shared value gives one finding.
 */
export function checkAccountsUnique(owners: Owner[]): GroupFinding[] {
  const list = (Array.isArray(owners) ? owners : []).filter((o): o is Owner => !!o && typeof o === 'object');
  const out: GroupFinding[] = [];
  const specs = [
    ['account.unique-phone', 'phone', '手机号', 'phone number', (v: string) => normaliseMobile(v)],
    ['account.unique-email', 'email', '邮箱', 'email address', (v: string) => v.trim().normalize('NFKC').toLowerCase()],
  ] as const;
  for (const [rule, field, zh, en, normalise] of specs) {
    const groups = new Map<string, Owner[]>();
    for (const o of list) {
      const account = o.account && typeof o.account === 'object' ? o.account : undefined;
      const value = normalise(str(account?.[field]).trim() ? str(account?.[field]) : str(o[field]));
      if (value) groups.set(value, [...(groups.get(value) ?? []), o]);
    }
    for (const [value, group] of groups) {
      if (group.length < 2) continue;
      const names = group.map((o) => str(o.name) || str(o.id)).join('、');
      out.push({
        ...finding(rule, `account.${field}`, `${zh} ${value} 被多个资料共用（${names}），一个${zh}只能注册一个账号`, `the ${en} ${value} is shared by ${names}; one ${en} registers only one account`),
        ownerIds: group.map((o) => str(o.id)),
      });
    }
  }
  return out;
}

/** Where a software name or version was seen: a form step, a material's header, a document. */
export interface Observation {
  where: string;
  fullName?: string;
  version?: string;
  /** A value the page has not shown (the profile's, seen from a portal page): compared, never quoted. */
  hidden?: boolean;
}

/**
 * materials.consistency (and work.version's "the same string on every step"): the full name and
 * the version must be identical wherever they appear. The first observation that has a value is
 * the reference; every other one that differs gives a finding saying where and how.
 */
export function checkSameNameAndVersion(observations: Observation[]): Finding[] {
  const list = (Array.isArray(observations) ? observations : []).filter((o): o is Observation => !!o && typeof o === 'object');
  const out: Finding[] = [];
  for (const [key, zh, en] of [
    ['fullName', '软件全称', 'full name'],
    ['version', '版本号', 'version'],
  ] as const) {
    const seen = list.filter((o) => str(o[key]).trim());
    const reference = seen[0];
    const shown = (o: Observation) => (o.hidden ? '' : ` ${quote(str(o[key]).trim())}`);
    for (const o of seen.slice(1)) {
      const d = firstDifference(str(o[key]), str(reference[key]));
      if (!d) continue;
      const [dz, de] = describeDifference(d, { reveal: !o.hidden && !reference.hidden }, !o.hidden);
      out.push(
        finding(
          'materials.consistency',
          key,
          `${str(o.where)}的${zh}${shown(o)} 与${str(reference.where)}的${shown(reference)} 不一致：${dz}`,
          `the ${en} in ${str(o.where)}${shown(o)} differs from ${str(reference.where)}${shown(reference)}: ${de}`,
        ),
      );
    }
  }
  return out;
}
