import type { Owner } from '@/utils/schema/owner';
import type { Work } from '@/utils/schema/work';
import { foldPhone, foldText } from '@/utils/text/normalize';

export interface OwnerQuery {
  /** Matches name, ID number, phone (digits) or a tag, as a substring. */
  text?: string;
  /** Only owners carrying exactly this tag. */
  tag?: string;
  /** At most this many, newest first (a picker needs the first screenful, not 10 000). */
  limit?: number;
}

export function ownerMatches(owner: Owner, query: OwnerQuery): boolean {
  if (query.tag && !owner.tags.includes(query.tag)) return false;
  const q = foldText(query.text ?? '');
  if (!q) return true;
  const digits = foldPhone(q);
  return (
    foldText(owner.name).includes(q) ||
    foldText(owner.idNumber).includes(q) ||
    (digits.length >= 3 && [owner.phone, owner.landline ?? '', owner.account?.phone ?? ''].some((p) => foldPhone(p).includes(digits))) ||
    owner.tags.some((t) => foldText(t).includes(q))
  );
}

export interface WorkQuery {
  /** Matches full name, short name, version or a tag, as a substring. */
  text?: string;
  tag?: string;
  /** Only works this owner holds a right in. */
  ownerId?: string;
  limit?: number;
}

export function workMatches(work: Work, query: WorkQuery): boolean {
  if (query.tag && !work.tags.includes(query.tag)) return false;
  if (query.ownerId && !work.ownerIds.includes(query.ownerId)) return false;
  const q = foldText(query.text ?? '');
  if (!q) return true;
  return [work.fullName, work.shortName, work.version, ...work.tags].some((s) => foldText(s).includes(q));
}

/** Newest first, then by name, so the record just edited is on top. */
export function byRecency<T extends { updatedAt?: string }>(name: (r: T) => string) {
  return (a: T, b: T) =>
    (b.updatedAt ?? '').localeCompare(a.updatedAt ?? '') || name(a).localeCompare(name(b), 'zh-CN');
}

export function searchOwners(all: Owner[], query: OwnerQuery): Owner[] {
  return all.filter((o) => ownerMatches(o, query)).sort(byRecency((o) => o.name)).slice(0, query.limit);
}

export function searchWorks(all: Work[], query: WorkQuery): Work[] {
  return all.filter((w) => workMatches(w, query)).sort(byRecency((w) => w.fullName)).slice(0, query.limit);
}
