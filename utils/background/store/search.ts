import type { Owner } from '@/utils/schema/owner';
import type { Work } from '@/utils/schema/work';
import type { OwnerQuery, WorkQuery } from '@/utils/contract/messages';
import { foldPhone, foldText } from '@/utils/text/normalize';

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

/** Every tag in use, for the tag filters, in the order of the Chinese collation. */
export function listTags(owners: readonly Owner[], works: readonly Work[]): { owners: string[]; works: string[] } {
  const sorted = (tags: string[]) => [...new Set(tags)].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return { owners: sorted(owners.flatMap((o) => o.tags)), works: sorted(works.flatMap((w) => w.tags)) };
}
