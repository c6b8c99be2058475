import { Owner, PERSON_ID_TYPES, type OwnerKind } from '@/utils/schema/owner';
import { OWNER_FIELDS, setField } from '@/utils/schema/fields';
import { describeIssue, formatPath, type DataError } from '@/utils/schema/errors';
import { foldText } from '@/utils/text/normalize';
import type { Table } from './table';

/** Owner field key → column index (or absent when the user left it unmapped). */
export type ColumnMapping = Record<string, number | undefined>;

/** Fields a spreadsheet can fill: everything but the nested real-name and account data. */
export const MAPPABLE_OWNER_FIELDS = OWNER_FIELDS.filter((f) => !f.key.includes('.'));

/** Proposes a column per field from the header titles (exact label, English label or alias). */
export function guessMapping(headers: string[]): ColumnMapping {
  const folded = headers.map(foldText);
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  for (const field of MAPPABLE_OWNER_FIELDS) {
    const names = [field.key, field.zh, field.en, ...(field.aliases ?? [])].map(foldText);
    const col = folded.findIndex((h, i) => !taken.has(i) && names.includes(h));
    if (col >= 0) {
      mapping[field.key] = col;
      taken.add(col);
    }
  }
  return mapping;
}

const KIND_WORDS: Record<string, OwnerKind> = {
  person: 'person', 个人: 'person', 自然人: 'person',
  organization: 'organization', organisation: 'organization', 机构: 'organization', 企业: 'organization', 单位: 'organization', 公司: 'organization',
};

/** A row's kind: its own column when mapped, otherwise what its category, ID type or ID number say. */
function inferKind(record: Record<string, unknown>): OwnerKind | undefined {
  const given = typeof record.kind === 'string' ? KIND_WORDS[foldText(record.kind)] : undefined;
  if (given || record.kind) return given;
  if (record.category === '自然人' || (PERSON_ID_TYPES as readonly unknown[]).includes(record.idType)) return 'person';
  if (typeof record.category === 'string' && record.category) return 'organization';
  const id = typeof record.idNumber === 'string' ? record.idNumber.toUpperCase() : '';
  if (/^\d{17}[\dX]$/.test(id)) return 'person';
  if (/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(id)) return 'organization';
  return undefined;
}

export interface MappedOwners {
  owners: Owner[];
  errors: DataError[];
  /** How many rows update an owner already stored (matched by ID number). */
  updates: number;
}

/**
 * Turns spreadsheet rows into owners, validated by the same schema as a bundle. A row whose ID
 * number matches a stored owner updates that owner (keeping what the sheet does not carry), so
 * re-importing a client list does not duplicate anyone.
 */
export function rowsToOwners(table: Table, mapping: ColumnMapping, existing: Owner[], newId: () => string): MappedOwners {
  const byIdNumber = new Map(existing.filter((o) => o.idNumber).map((o) => [o.idNumber.trim().toUpperCase(), o]));
  const owners: Owner[] = [];
  const errors: DataError[] = [];
  let updates = 0;
  table.rows.forEach((row, i) => {
    const rowLabel = `第 ${i + 2} 行 / row ${i + 2}`;
    let record: Record<string, unknown> = {};
    for (const field of MAPPABLE_OWNER_FIELDS) {
      const col = mapping[field.key];
      if (col === undefined) continue;
      const cell = row[col] ?? '';
      record = setField(record, field.key, field.input === 'tags' ? cell.split(/[,，;；、|]/).map((t) => t.trim()).filter(Boolean) : cell);
    }
    const kind = inferKind(record);
    if (!kind) {
      errors.push({ path: `rows[${i}].kind`, record: rowLabel, field: 'kind', message: '无法判断是个人还是机构，请映射“主体类型”或“证件号码”列 / cannot tell person from organisation: map the kind or ID number column' });
      return;
    }
    const match = typeof record.idNumber === 'string' ? byIdNumber.get(record.idNumber.trim().toUpperCase()) : undefined;
    if (match) updates++;
    const parsed = Owner.safeParse({ ...match, ...record, kind, id: match?.id ?? newId() });
    if (parsed.success) owners.push(parsed.data);
    else
      for (const issue of parsed.error.issues) {
        errors.push({ path: `rows[${i}].${formatPath(issue.path)}`, record: rowLabel, field: formatPath(issue.path), message: describeIssue(issue, record[String(issue.path[0])]) });
      }
  });
  return { owners, errors, updates };
}
