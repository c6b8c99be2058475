import type { Owner } from '@/utils/schema/owner';
import type { Work } from '@/utils/schema/work';
import type { OwnerQuery, WorkQuery } from '@/utils/contract/messages';
import { foldPhone, foldText } from '@/utils/text/normalize';

type Indexed = { id: string; updatedAt?: string };

/** A query compared with one record and what was folded of it when the index was built. */
type Accept<R, F> = (record: R, folded: F) => boolean;

type Entry<R, F> = { record: R; folded: F };

/**
 * Records in list order (newest first, then by name), each with its searchable texts folded once,
 * so a query is a scan of short strings instead of normalising every record per keystroke. Built
 * from every record of a table; one record saved or deleted makes a new index that reuses the
 * other records' folded texts (profile-cache.ts).
 */
export class SearchIndex<R extends Indexed, F> {
  private readonly entries: Entry<R, F>[];
  private readonly byId: Map<string, Entry<R, F>>;

  /** `folded`: entries of an earlier index, reused for the records that did not change. */
  constructor(
    records: readonly R[],
    private readonly name: (r: R) => string,
    private readonly fold: (r: R) => F,
    folded?: ReadonlyMap<string, Entry<R, F>>,
  ) {
    const reused = (record: R) => {
      const earlier = folded?.get(record.id);
      return earlier?.record === record ? earlier : { record, folded: fold(record) };
    };
    this.entries = [...records].sort(byRecency(name)).map(reused);
    this.byId = new Map(this.entries.map((e) => [e.record.id, e]));
  }

  /** This index with the record of `id` replaced by `record`, or removed without one. */
  replaced(id: string, record?: R): SearchIndex<R, F> {
    const others = this.entries.flatMap((e) => (e.record.id === id ? [] : [e.record]));
    return new SearchIndex(record ? [...others, record] : others, this.name, this.fold, this.byId);
  }

  get(id: string): R | undefined {
    return this.byId.get(id)?.record;
  }

  /** Every record, in list order. */
  get records(): R[] {
    return this.entries.map((e) => e.record);
  }

  /**
   * The matches from `offset`, at most `limit`, and how many match in all; the records named in
   * `first` (the owners chosen lately) lead, in that order, when they match.
   */
  find(accept: Accept<R, F>, offset = 0, limit = Infinity, first: readonly string[] = []): { total: number; records: R[] } {
    const records: R[] = [];
    let total = 0;
    const lead = [...new Set(first)].flatMap((id) => this.byId.get(id) ?? []);
    const leading = new Set(lead.map((e) => e.record));
    const order = lead.length ? [...lead, ...this.entries.filter((e) => !leading.has(e.record))] : this.entries;
    for (const { record, folded } of order) {
      if (!accept(record, folded)) continue;
      if (total >= offset && records.length < limit) records.push(record);
      total++;
    }
    return { total, records };
  }
}

const collator = new Intl.Collator();
const chinese = new Intl.Collator('zh-CN');

/** Newest first, then by name in the Chinese collation, so the record just edited is on top. */
export function byRecency<T extends { updatedAt?: string }>(name: (r: T) => string) {
  return (a: T, b: T) => collator.compare(b.updatedAt ?? '', a.updatedAt ?? '') || chinese.compare(name(a), name(b));
}

interface OwnerTexts {
  /** Name, ID number and tags, folded. */
  texts: string[];
  /** Mobile, landline and the account's phone, as digits. */
  phones: string[];
}

export type OwnerIndex = SearchIndex<Owner, OwnerTexts>;
export const ownerIndex = (owners: readonly Owner[]): OwnerIndex =>
  new SearchIndex(owners, (o) => o.name, (o) => ({
    texts: [o.name, o.idNumber, ...o.tags].map(foldText),
    phones: [o.phone, o.landline ?? '', o.account?.phone ?? ''].map(foldPhone),
  }));

/** Name, ID number, phone (digits, from three on) or a tag contain the text; the tag filter is exact. */
export function ownerQuery(query: OwnerQuery): Accept<Owner, OwnerTexts> {
  const q = foldText(query.text ?? '');
  const digits = foldPhone(q);
  return (owner, { texts, phones }) =>
    (!query.tag || owner.tags.includes(query.tag)) && (!q || texts.some((s) => s.includes(q)) || (digits.length >= 3 && phones.some((p) => p.includes(digits))));
}

export type WorkIndex = SearchIndex<Work, string[]>;
export const workIndex = (works: readonly Work[]): WorkIndex => new SearchIndex(works, (w) => w.fullName, (w) => [w.fullName, w.shortName, w.version, ...w.tags].map(foldText));

/** Full name, short name, version or a tag contain the text; tag and owner filters are exact. */
export function workQuery(query: WorkQuery): Accept<Work, string[]> {
  const q = foldText(query.text ?? '');
  return (work, texts) => (!query.tag || work.tags.includes(query.tag)) && (!query.ownerId || work.ownerIds.includes(query.ownerId)) && (!q || texts.some((s) => s.includes(q)));
}

/** Every tag in use, for the tag filters, in the order of the Chinese collation. */
export function listTags(owners: readonly Owner[], works: readonly Work[]): { owners: string[]; works: string[] } {
  const sorted = (tags: string[]) => [...new Set(tags)].sort(chinese.compare);
  return { owners: sorted(owners.flatMap((o) => o.tags)), works: sorted(works.flatMap((w) => w.tags)) };
}
