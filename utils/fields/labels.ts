import { OWNER_FIELDS, WORK_FIELDS } from '@/utils/schema/fields';
import { rowKey, specOf } from './catalogue';

/** A key for an upload control on the current page (`upload.上传证件照正面`): its label is the caption. */
export const UPLOAD_PREFIX = 'upload.';

/** A report key as the user reads it: `owners.1.name` → 著作权人 2 · 名称（姓名）. */
export function fieldLabel(key: string): string {
  const row = rowKey(key);
  if (row) return `著作权人 ${row.index + 1} · ${specOf(`owner.${row.field}`)?.zh ?? row.field}`;
  return specOf(key)?.zh ?? key;
}

/**
 * A finding's key as the user reads it: the fill engine's field names (著作权人 2 · 证件号码), the
 * profile's for fields no page has (首次发表国家), an upload's caption.
 */
export function findingLabel(key: string | undefined): string {
  if (!key) return '';
  if (key.startsWith(UPLOAD_PREFIX)) return key.slice(UPLOAD_PREFIX.length);
  if (specOf(key)) return fieldLabel(key);
  const row = rowKey(key);
  const [fields, field] = row ? [OWNER_FIELDS, row.field] : key.startsWith('owner.') ? [OWNER_FIELDS, key.slice(6)] : [WORK_FIELDS, key.replace(/^work\./, '')];
  const zh = fields.find((f) => f.key === field)?.zh ?? field;
  return row ? `著作权人 ${row.index + 1} · ${zh}` : zh;
}
