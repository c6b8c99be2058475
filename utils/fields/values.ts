import type { PlanValues } from '@/utils/schema/plan-values';
import type { Owner } from '@/utils/schema/owner';
import type { Work } from '@/utils/schema/work';
import { splitList } from '@/utils/text/normalize';
import { rowKey } from './catalogue';

/*
 * The profile's value for a field key (catalogue.ts names the keys): what a fill writes and what
 * the checks compare the page with.
 */

/**
 * The copyright owners in the work's order (work.ownerIds; the first is the first owner). Without a
 * work, the chosen owner alone.
 */
export function ownersInOrder(v: PlanValues): Owner[] {
  const all = [v.owner, ...v.coOwners].filter((o): o is Owner => o !== null);
  if (!v.work?.ownerIds.length) return v.owner ? [v.owner] : [];
  return v.work.ownerIds.flatMap((id) => all.filter((o) => o.id === id).slice(0, 1));
}

export type RawValue = string | string[];

function ownerValue(o: Owner | undefined | null, field: string): RawValue | undefined {
  if (!o) return undefined;
  switch (field) {
    case 'kind':
      return o.kind === 'person' ? '个人' : '机构';
    // The login form takes any of the account's handles: the username first.
    case 'account':
      return o.account?.username || o.account?.phone || o.account?.email || undefined;
    case 'account.username':
      return o.account?.username;
    // A saved owner record chosen from a list: named with its ID number (lists show it masked), or by name alone.
    case 'record':
      return o.idNumber ? [`${o.name}（${o.idNumber}）`, o.name] : o.name;
    // A sign-up that has no account recorded yet registers with the owner's own phone and email.
    case 'account.phone':
      return o.account?.phone || o.phone;
    case 'account.email':
      return o.account?.email || o.email;
    default: {
      const v = (o as Record<string, unknown>)[field];
      return typeof v === 'string' ? v : undefined;
    }
  }
}

function workValue(w: Work | null, field: string): RawValue | undefined {
  if (!w) return undefined;
  switch (field) {
    case 'published':
      return w.published ? '已发表' : '未发表';
    // A publication's date and place exist only for a published work.
    case 'firstPublishedDate':
    case 'firstPublishedCountry':
    case 'firstPublishedCity':
      return w.published ? (w[field] as string) : undefined;
    case 'sourceLines':
      return w.sourceLines === undefined ? undefined : String(w.sourceLines);
    case 'languages':
    case 'languagesOther':
      // Both start from the whole list; the plan splits it between the options and the text.
      return splitList(w.languages);
    case 'featureTags':
      return w.featureTags;
    default: {
      const v = (w as Record<string, unknown>)[field];
      return typeof v === 'string' ? v : undefined;
    }
  }
}

/**
 * The certificate address (#/confirm) is the chosen owner's: a person receives it themself, an
 * organisation through its contact, in the organisation's name.
 */
function addressValue(o: Owner | null, field: string): RawValue | undefined {
  if (!o) return undefined;
  switch (field) {
    case 'recipient':
      return o.kind === 'person' ? o.name : o.contactName || undefined;
    case 'unit':
      return o.kind === 'organization' ? o.name : undefined;
    case 'detail':
    case 'address':
    case 'district':
      return o.address;
    case 'phone':
      return o.phone || o.account?.phone;
    default:
      return ownerValue(o, field);
  }
}

/** The profile's value for a key, or undefined when the profile has none (empty counts as none). */
export function valueFor(key: string, v: PlanValues): RawValue | undefined {
  const row = rowKey(key);
  let raw: RawValue | undefined;
  if (row) raw = ownerValue(ownersInOrder(v)[row.index], row.field);
  else if (key.startsWith('owner.')) raw = ownerValue(v.owner, key.slice('owner.'.length));
  else if (key.startsWith('work.')) raw = workValue(v.work, key.slice('work.'.length));
  else if (key.startsWith('address.')) raw = addressValue(v.owner, key.slice('address.'.length));
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) return raw.length ? raw : undefined;
  return raw.trim() ? raw : undefined;
}

/** The login's account name: the first handle the account has (what `owner.account` fills), and only that one. */
export const ACCOUNT_HANDLE = 'account:handle';

/** The owner fields each owner-field key reads, where they are more than the field itself (the fallbacks above). */
const OWNER_READS: Record<string, readonly string[]> = {
  account: [ACCOUNT_HANDLE],
  record: ['name', 'idNumber'],
  'account.phone': ['account.phone', 'phone'],
  'account.email': ['account.email', 'email'],
};
/** The owner fields each certificate-address key reads (addressValue). */
const ADDRESS_READS: Record<string, readonly string[]> = {
  recipient: ['name', 'contactName'],
  unit: ['name'],
  detail: ['address'],
  address: ['address'],
  district: ['address'],
  phone: ['phone', 'account.phone'],
};

/**
 * The profile fields a key's value is made of: what a page that fills the key must receive
 * (utils/pages/scope.ts). `owners.1.idNumber` → owner idNumber; `address.recipient` → owner name
 * and contact; `work.languagesOther` → work languages.
 */
export function fieldsRead(key: string): { of: 'owner' | 'work'; fields: readonly string[] } | null {
  const m = /^(owner|owners\.\d+|work|address)\.([A-Za-z]+(?:\.[A-Za-z]+)?)$/.exec(key);
  if (!m) return null;
  const [, of, field] = m;
  if (of === 'work') return { of: 'work', fields: [field === 'languagesOther' ? 'languages' : field] };
  if (of === 'address') return { of: 'owner', fields: ADDRESS_READS[field] ?? [field] };
  return { of: 'owner', fields: OWNER_READS[field] ?? [field] };
}

/**
 * Where a key's value comes from, for the plan: the chosen owner's, a co-owner's (the work's n-th
 * owner, by name) or the work's profile fields (`fieldsRead`).
 */
export function sourceOf(key: string, v: PlanValues): { of: 'owner' | 'co-owner' | 'work'; name?: string; fields: string[] } | null {
  const read = fieldsRead(key);
  if (!read) return null;
  const fields = [...read.fields];
  if (read.of === 'work') return { of: 'work', ...(v.work?.fullName ? { name: v.work.fullName } : {}), fields };
  const row = rowKey(key);
  const owner = row ? ownersInOrder(v)[row.index] : v.owner;
  const of = owner && v.owner && owner.id !== v.owner.id ? 'co-owner' : 'owner';
  return { of, ...(owner?.name ? { name: owner.name } : {}), fields };
}
