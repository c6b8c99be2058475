import type { Finding } from '@/utils/schema/finding';
import { rowKey, type SingleKey } from '@/utils/fields/catalogue';
import { ownersInOrder } from '@/utils/fields/values';
import type { PlanValues } from '@/utils/contract/messages';
import { splitList } from '@/utils/text/normalize';
import { todayIso } from '@/utils/rules/common';
import { checkRealNameMatch, checkRealNameRequired, checkSameNameAndVersion, type Observation } from '@/utils/rules/consistency';
import { FIELD_LIMITS, type FieldLimit, type FieldLimits } from '@/utils/rules/limits';
import { checkOwner } from '@/utils/rules/owner';
import { checkCertificateAddress } from '@/utils/rules/filing';
import type { IdForm } from '@/utils/rules/identity';
import { checkDeclaredLanguages, checkWork } from '@/utils/rules/work';
import type { Owner } from '@/utils/schema/owner';
import type { Work } from '@/utils/schema/work';
import type { ControlKind } from '@/utils/fields/catalogue';
import { PROFILE_WHERE } from './steps';
import { isApplicationStep, pageSpec, pageWhere, R11_STEPS } from '@/utils/pages/registry';

/*
 * The readiness checks of one application as a tab shows it (pure): the chosen profiles, overlaid
 * with what the pages visited in the tab show, judged by the rules, with every finding keyed by the
 * fill key of its field (`work.version`, `owner.idNumber`, `owners.1.idNumber` …). A value the page
 * shows is what will be submitted, so it wins over the profile's; an empty page field will be
 * filled from the profile, so the profile's value is checked instead.
 */

/** What the page shows for one field key, as the content script reads it. */
export interface FieldReading {
  kind: ControlKind;
  /** What the control shows; a checkbox group's checked options joined by 、. */
  value: string;
  /** A checkbox group's checked options. */
  checked?: string[];
  /** The page's own limit: maxlength or the n/max counter. */
  maxLength: number | null;
  /** A minimum the page states in the placeholder (请输入…，500至1300字). */
  minLength: number | null;
}

/** The reading of the certificate address list (#/confirm): the chosen address's text, '' when none is chosen. */
export const ADDRESS_CHOICE = 'address.chosen' satisfies SingleKey;

/** What one page showed when it was last read. */
export interface PageObservation {
  page: string;
  fields: Record<string, FieldReading>;
}

export interface ApplicationInput {
  /** The chosen owner and work (with the work's co-owners), or null when nothing is chosen. */
  values: PlanValues | null;
  /** The pages read in this tab, most recent first (the current page first). */
  observed: readonly PageObservation[];
  /** The current page kind. */
  current: string | null;
  /** YYYY-MM-DD. */
  today?: string;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** The most recent reading of a key on any page read. */
function lookup(observed: readonly PageObservation[], key: string): FieldReading | undefined {
  for (const o of observed) if (key in o.fields) return o.fields[key];
  return undefined;
}

const shown = (r: FieldReading | undefined): r is FieldReading => !!r && (r.value.trim() !== '' || !!r.checked?.length);

/** A date as a page shows it (2020-01-01, 2020/1/1, 2020年01月01日) as YYYY-MM-DD; other text unchanged. */
export function isoDay(text: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : text;
}

/** The value a Work field takes from a page reading. */
function workValue(field: string, r: FieldReading, languagesOther: FieldReading | undefined): unknown {
  switch (field) {
    case 'published':
      return r.value.includes('未发表') ? false : r.value.includes('已发表') ? true : undefined;
    case 'completionDate':
    case 'firstPublishedDate':
      return isoDay(r.value);
    // A number of lines the page holds as text; anything else stays text, and work.lengths reports it.
    case 'sourceLines':
      return /^\s*\d+\s*$/.test(r.value) ? Number(r.value) : r.value.trim();
    // 编程语言: the ticked options and the text box share one field (and one limit).
    case 'languages':
      return [...(r.checked ?? []), ...splitList(languagesOther?.value ?? '')].join('、');
    case 'featureTags':
      return r.checked ?? [];
    default:
      return r.value;
  }
}

/** The page's limit over the rules' table: the maximum the page states, the minimum it states or the table's. */
function pageLimit(field: string, r: FieldReading): FieldLimit | null {
  if (r.maxLength === null) return null;
  const table: FieldLimit | undefined = (FIELD_LIMITS as FieldLimits)[field as keyof FieldLimits];
  const min = r.minLength ?? table?.min;
  return min === undefined ? { max: r.maxLength } : { max: r.maxLength, min };
}

/** Fields whose page limit the rules take: the 功能与特点 texts and the names. */
const LIMITED = new Set([...Object.keys(FIELD_LIMITS), 'fullName', 'shortName']);

function rekey(findings: Finding[], prefix: string): Finding[] {
  return findings.map((f) => (f.key === undefined ? f : { ...f, key: `${prefix}${f.key}` }));
}

function checkTheWork(input: ApplicationInput, owners: Owner[], today: string): Finding[] {
  const profile = input.values?.work ?? null;
  const work: Record<string, unknown> = profile ? { ...profile } : {};
  const limits: FieldLimits = {};
  const seen = new Set<string>();
  const languagesOther = lookup(input.observed, 'work.languagesOther');
  for (const o of input.observed) {
    for (const key of Object.keys(o.fields)) {
      if (!key.startsWith('work.') || key === 'work.languagesOther' || seen.has(key)) continue;
      seen.add(key);
      const field = key.slice('work.'.length);
      const r = lookup(input.observed, key)!;
      const limit = LIMITED.has(field) ? pageLimit(field, r) : null;
      if (limit) limits[field as keyof FieldLimits] = limit;
      if (!shown(r) && !(field === 'languages' && shown(languagesOther))) continue;
      const value = workValue(field, r, languagesOther);
      if (value !== undefined) work[field] = value;
    }
  }
  if (!profile && !seen.size) return [];
  const findings = rekey([...checkWork(work as Work, owners, today, limits), ...checkLanguagesShown(input.observed, profile)], 'work.');
  // Without a profile only what the pages show can be judged: a step not visited is not empty.
  return profile ? findings : findings.filter((f) => f.key !== undefined && seen.has(f.key));
}

/**
 * work.languages where the page declares languages: the program's (the work's, as the materials
 * studio wrote them) against the options ticked and the other box. A page that declares none yet
 * is left to the fill.
 */
function checkLanguagesShown(observed: readonly PageObservation[], profile: Work | null): Finding[] {
  const ticked = lookup(observed, 'work.languages')?.checked ?? [];
  const other = splitList(lookup(observed, 'work.languagesOther')?.value ?? '');
  if (!ticked.length && !other.length) return [];
  return checkDeclaredLanguages({ ticked, other }, splitList(profile?.languages ?? ''));
}

/** filing.address on the page that shows the certificate address list, when it has none chosen. */
function checkAddressChosen(input: ApplicationInput): Finding[] {
  const current = input.observed.find((o) => o.page === input.current);
  const chosen = current?.fields[ADDRESS_CHOICE];
  return chosen ? checkCertificateAddress(chosen.value, ADDRESS_CHOICE) : [];
}

/** Owner fields a page may show, and the Owner field each fills. */
const OWNER_PAGE_FIELDS: Record<string, string> = {
  name: 'name',
  category: 'category',
  idType: 'idType',
  idNumber: 'idNumber',
  country: 'country',
  phone: 'phone',
  email: 'email',
  postcode: 'postcode',
  landline: 'landline',
  contactName: 'contactName',
  'account.username': 'account.username',
  'account.phone': 'account.phone',
  'account.email': 'account.email',
};

/**
 * One owner's checks, keyed with `prefix` (`owner.` or `owners.<i>.`): the field rules on the
 * owner as the page shows it, realname.match between page, profile and authentication.
 */
function checkOneOwner(profile: Owner | null, observed: readonly PageObservation[], prefix: string, form: IdForm = 'profile'): Finding[] {
  const owner: Record<string, unknown> = profile ? { ...profile, account: { ...profile.account } } : {};
  const seen = new Set<string>();
  const page: { name?: string; idNumber?: string } = {};
  for (const [pageField, field] of Object.entries(OWNER_PAGE_FIELDS)) {
    const r = lookup(observed, prefix + pageField);
    if (!r) continue;
    seen.add(prefix + field);
    if (!shown(r)) continue;
    if (field === 'name' || field === 'idNumber') page[field] = r.value;
    if (field.startsWith('account.')) (owner.account as Record<string, unknown>)[field.slice('account.'.length)] = r.value;
    else owner[field] = r.value;
  }
  if (!profile && !seen.size) return [];
  // checkOwner compares the profile with its authentication; checkRealNameMatch below also the page.
  const fieldFindings = rekey(
    checkOwner(owner as Owner, undefined, form).filter((f) => f.rule !== 'realname.match'),
    prefix,
  );
  const match = profile ? rekey(checkRealNameMatch(profile, page, { reveal: false }), prefix) : [];
  return [...(profile ? fieldFindings : fieldFindings.filter((f) => f.key !== undefined && seen.has(f.key))), ...match];
}

/** realname.required for each owner of the work, on its row; a missing profile on the work's owner list. */
function checkAuthentication(values: PlanValues, owners: Owner[]): Finding[] {
  const work = values.work ?? ({ ownerIds: values.owner ? [values.owner.id] : [] } as unknown as Work);
  const out: Finding[] = owners.flatMap((o, i) => checkRealNameRequired({ ...work, ownerIds: [o.id] }, [o]).map((f) => ({ ...f, key: `owners.${i}.name` })));
  const missing = work.ownerIds.filter((id) => !owners.some((o) => o.id === id));
  if (missing.length) out.push(...rekey(checkRealNameRequired({ ...work, ownerIds: missing }, []), 'work.'));
  return out;
}

/** work.version / materials.consistency: the name and the version are the same in the profile and on every step that shows them. */
function checkSameEverywhere(input: ApplicationInput): Finding[] {
  const work = input.values?.work;
  const observations: Observation[] = work ? [{ where: PROFILE_WHERE, fullName: work.fullName, version: work.version, hidden: true }] : [];
  const order = (page: string) => (R11_STEPS as readonly string[]).indexOf(page);
  const steps = [...input.observed].sort((a, b) => order(a.page) - order(b.page));
  for (const o of steps) {
    const fullName = o.fields['work.fullName']?.value;
    const version = o.fields['work.version']?.value;
    if (fullName || version) observations.push({ where: pageWhere(o.page), fullName, version });
  }
  return rekey(checkSameNameAndVersion(observations), 'work.');
}

/**
 * The findings of the application as the tab shows it. On an application form (the R11 steps, the
 * vendor console's form) the owners are the work's rows (`owners.<i>.…`) and each must be
 * authenticated; on the account pages the chosen owner is `owner.…`. Sorted errors first; the same
 * finding twice is reported once.
 */
export function checkApplication(input: ApplicationInput): Finding[] {
  const today = input.today ?? todayIso();
  const values = input.values;
  const owners = values ? ownersInOrder(values) : [];
  const out: Finding[] = [];
  if (isApplicationStep(input.current)) {
    out.push(...checkTheWork(input, owners, today));
    const rows = new Set<number>(owners.map((_, i) => i));
    for (const o of input.observed) for (const key of Object.keys(o.fields)) if (rowKey(key)) rows.add(rowKey(key)!.index);
    // The R11 owner row offers its own document types (a passport is filed as 其他有效证件).
    const form: IdForm = pageSpec(input.current)?.application === 'r11' ? 'r11' : 'profile';
    for (const i of [...rows].sort((a, b) => a - b)) out.push(...checkOneOwner(owners[i] ?? null, input.observed, `owners.${i}.`, form));
    if (values?.owner) out.push(...checkAuthentication(values, owners));
    out.push(...checkSameEverywhere(input));
    out.push(...checkAddressChosen(input));
  } else {
    out.push(...checkOneOwner(values?.owner ?? null, input.observed, 'owner.'));
  }
  const unique = new Map<string, Finding>();
  for (const f of out) unique.set(`${f.rule}|${f.key ?? ''}|${f.message}`, f);
  return [...unique.values()].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
