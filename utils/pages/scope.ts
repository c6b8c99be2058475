import type { Owner } from '@/utils/schema/owner';
import type { Work } from '@/utils/schema/work';
import type { PageAdapter } from '@/utils/pages/adapters/toolkit';
import { adapterFor, pageSpec, siblingsOf, type PageKind } from './registry';

/**
 * Which profile fields a content script may receive for a page (docs/ARCHITECTURE.md, "Plan
 * scope"): the fields its adapter fills, plus what the checks compare: the owner's identity and
 * real-name data, the software's name, version and owners. The steps of one application share one
 * scope (the name and version are compared across steps). A kind the registry does not know
 * receives nothing.
 */
export interface PlanScope {
  owner: ReadonlySet<string>;
  /** null: no software data at all (account and identity pages). */
  work: ReadonlySet<string> | null;
}

const BASE: readonly string[] = ['id', 'kind', 'name'];
/** What realname.match and the ID rules compare; the sign-up and login pages show none of it. */
const IDENTITY: readonly string[] = ['category', 'idType', 'idNumber', 'realName'];
const WORK_IDENTITY: readonly string[] = ['id', 'ownerIds', 'fullName', 'shortName', 'version'];
/** A published date only makes sense with the published flag, and the reverse. */
const PUBLICATION: readonly string[] = ['published', 'firstPublishedDate', 'firstPublishedCountry', 'firstPublishedCity'];
const NOTHING: PlanScope = { owner: new Set(), work: null };

/**
 * The profile field a fill key reads: `owners.1.idNumber` → idNumber, `owner.account.phone` →
 * account.phone; the login's one handle (`owner.account`) → ACCOUNT_HANDLE.
 */
function fieldOf(key: string): { of: 'owner' | 'work'; field: string } | null {
  const m = /^(owner|owners\.\d+|work)\.([A-Za-z]+(?:\.[A-Za-z]+)?)$/.exec(key);
  if (!m) return null;
  const field = m[2] === 'languagesOther' ? 'languages' : m[2] === 'account' ? ACCOUNT_HANDLE : m[2];
  return { of: m[1] === 'work' ? 'work' : 'owner', field };
}

/** The login's account name: the first handle the account has (what `owner.account` fills), and only that one. */
const ACCOUNT_HANDLE = 'account:handle';

function adapterKeys(adapter: PageAdapter): string[] {
  return [...adapter.fields.map((f) => f.key), ...(adapter.owners?.fields.map((r) => `owners.0.${r.field}`) ?? [])];
}

/** The adapters whose fields a page may receive: its own, or every step's of its application. */
const adaptersFor = (page: PageKind): PageAdapter[] => siblingsOf(page).flatMap((k) => adapterFor(k) ?? []);

export function planScope(page: string): PlanScope {
  const spec = pageSpec(page);
  if (!spec) return NOTHING;
  const owner = new Set([...BASE, ...(spec.audience === 'account' ? [] : IDENTITY)]);
  const work = new Set(WORK_IDENTITY);
  for (const key of adaptersFor(page as PageKind).flatMap(adapterKeys)) {
    const f = fieldOf(key);
    if (!f) continue;
    if (f.of === 'owner') owner.add(f.field);
    else (PUBLICATION.includes(f.field) ? PUBLICATION : [f.field]).forEach((x) => work.add(x));
  }
  return { owner, work: spec.audience === 'application' ? work : null };
}

/** The record cut to `fields`: top-level keys, `account.<x>` sub-fields, or the login's one handle. */
function pick<T extends object>(record: T, fields: ReadonlySet<string>): T {
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(record).filter(([k]) => fields.has(k)));
  const account = (record as { account?: Record<string, unknown> }).account;
  if (account && !fields.has('account')) {
    const subs = Object.fromEntries(Object.entries(account).filter(([k]) => fields.has(`account.${k}`)));
    const handle = [account.username, account.phone, account.email].find((v) => typeof v === 'string' && v.trim());
    if (fields.has(ACCOUNT_HANDLE) && handle) subs.username = handle;
    if (Object.keys(subs).length) out.account = subs;
  }
  return out as T;
}

/** The owner and work cut down to what the page may receive. */
export function scopeValues(page: string, values: { owner: Owner | null; work: Work | null; coOwners: Owner[] }) {
  const scope = planScope(page);
  return {
    owner: values.owner && scope.owner.size ? pick(values.owner, scope.owner) : null,
    work: scope.work && values.work ? pick(values.work, scope.work) : null,
    coOwners: scope.work ? values.coOwners.map((o) => pick(o, scope.owner)) : [],
  };
}
