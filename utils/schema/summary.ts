import { z } from 'zod';
import { OwnerKind, type Owner } from './owner';
import type { Work } from './work';

/**
 * What a list shows of a record: a row, not the record. Lists of 10 000 owners ask for a page of
 * rows; the whole record is fetched when one is opened or chosen.
 */
export const OwnerRow = z.object({
  id: z.string(),
  kind: OwnerKind,
  name: z.string(),
  category: z.string(),
  /** Masked but for its first and last four characters: enough to tell two 张伟 apart. */
  idNumber: z.string(),
  tags: z.array(z.string()),
  updatedAt: z.string().optional(),
});
export type OwnerRow = z.infer<typeof OwnerRow>;

export const WorkRow = z.object({
  id: z.string(),
  fullName: z.string(),
  version: z.string(),
  ownerIds: z.array(z.string()),
  /** The owners' names in the work's order ('' for an owner without a name). */
  ownerNames: z.array(z.string()),
  tags: z.array(z.string()),
  updatedAt: z.string().optional(),
});
export type WorkRow = z.infer<typeof WorkRow>;

/** A page of matches and how many there are in all. */
export const RowPage = <Row extends z.ZodType>(row: Row) => z.object({ total: z.number().int().nonnegative(), rows: z.array(row) });

/** 110105199003072012 → 1101**********2012; short numbers keep their last four only. */
export function maskIdNumber(idNumber: string): string {
  const chars = [...idNumber];
  if (chars.length <= 4) return idNumber;
  const head = chars.length > 8 ? 4 : 0;
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - 4) + chars.slice(-4).join('');
}

export const ownerRow = (o: Owner): OwnerRow => ({ id: o.id, kind: o.kind, name: o.name, category: o.category, idNumber: maskIdNumber(o.idNumber), tags: o.tags, updatedAt: o.updatedAt });

export const workRow = (w: Work, nameOf: (ownerId: string) => string): WorkRow => ({
  id: w.id,
  fullName: w.fullName,
  version: w.version,
  ownerIds: w.ownerIds,
  ownerNames: w.ownerIds.map(nameOf),
  tags: w.tags,
  updatedAt: w.updatedAt,
});
