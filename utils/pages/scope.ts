import type { Owner } from '@/utils/schema/owner';
import type { Work } from '@/utils/schema/work';
import type { PageAdapter } from '@/utils/pages/adapters/toolkit';
import { ACCOUNT_HANDLE, fieldsRead } from '@/utils/fields/values';
import { adapterFor, pageSpec, siblingsOf, type PageKind } from './registry';

/**
 * Which profile fields a content script may receive for a page (docs/ARCHITECTURE.md, "Plan
 * scope"): the fields its adapter fills, plus what the checks compare: the owner's identity and
 * real-name data, the software's name, version and owners. The steps of one application share one
 * scope (the name and version are compared across steps). A kind the registry does not know
 * receives nothing.
 */
export interface PlanScope {
  /** Fields of every owner of the work (the chosen one and the co-owners). */
  owner: ReadonlySet<string>;
  /** Further fields of the chosen owner alone: its contact, the address a certificate goes to. */
  contact: ReadonlySet<string>;
  /** null: no software data at all (account and identity pages). */
  work: ReadonlySet<string> | null;
}

const BASE: readonly string[] = ['id', 'kind', 'name'];
/** What realname.match and the ID rules compare; the sign-up and login pages show none of it. */
const IDENTITY: readonly string[] = ['category', 'idType', 'idNumber', 'realName'];
const WORK_IDENTITY: readonly string[] = ['id', 'ownerIds', 'fullName', 'shortName', 'version'];
/** A published date only makes sense with the published flag, and the reverse. */
const PUBLICATION: readonly string[] = ['published', 'firstPublishedDate', 'firstPublishedCountry', 'firstPublishedCity'];
const NOTHING: PlanScope = { owner: new Set(), contact: new Set(), work: null };

function adapterKeys(adapter: PageAdapter): string[] {
  return [...adapter.fields.map((f) => f.key), ...(adapter.owners?.fields.map((r) => `owners.0.${r.field}`) ?? [])];
}

/** The certificate address (#/confirm) is the chosen owner's contact: only its own step receives it. */
const isAddress = (key: string) => key.startsWith('address.');

/** The keys a page may receive: its own adapter's, and every step's of its application but their addresses. */
function keysFor(page: PageKind): string[] {
  const own = adapterFor(page);
  const steps = siblingsOf(page).flatMap((k) => adapterFor(k) ?? []);
  return steps.flatMap((a) => adapterKeys(a).filter((key) => a === own || !isAddress(key)));
}

export function planScope(page: string): PlanScope {
  const spec = pageSpec(page);
  if (!spec) return NOTHING;
  const owner = new Set([...BASE, ...(spec.audience === 'account' ? [] : IDENTITY)]);
  const contact = new Set<string>();
  const work = new Set(WORK_IDENTITY);
  for (const key of keysFor(page as PageKind)) {
    const read = fieldsRead(key);
    if (!read) continue;
    for (const f of read.fields) {
      if (isAddress(key)) contact.add(f);
      // An `owner.*` key is the chosen owner's alone (a co-owner's contact is never the page's to receive).
      else if (read.of === 'owner') (key.startsWith('owner.') && !IDENTITY.includes(f) && !BASE.includes(f) ? contact : owner).add(f);
      else (PUBLICATION.includes(f) ? PUBLICATION : [f]).forEach((x) => work.add(x));
    }
  }
  return { owner, contact, work: spec.audience === 'application' ? work : null };
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
    owner: values.owner && scope.owner.size ? pick(values.owner, new Set([...scope.owner, ...scope.contact])) : null,
    work: scope.work && values.work ? pick(values.work, scope.work) : null,
    coOwners: scope.work ? values.coOwners.map((o) => pick(o, scope.owner)) : [],
  };
}
