import { rowKey, specOf } from './catalogue';

/** A report key as the user reads it: `owners.1.name` → 著作权人 2 · 名称（姓名）. */
export function fieldLabel(key: string): string {
  const row = rowKey(key);
  if (row) return `著作权人 ${row.index + 1} · ${specOf(`owner.${row.field}`)?.zh ?? row.field}`;
  return specOf(key)?.zh ?? key;
}
