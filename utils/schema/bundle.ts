import { z } from 'zod';
import { Owner } from './owner';
import { Work } from './work';
import { toDataErrors, type DataError } from './errors';

export const BUNDLE_FORMAT = 'ruanzhu-bundle';
export const BUNDLE_VERSION = 1;
export const BUNDLE_FILE_SUFFIX = '.ruanzhu.json';

export const Bundle = z.looseObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  owners: z.array(Owner),
  works: z.array(Work),
});
export type Bundle = z.infer<typeof Bundle>;

/**
 * Step-by-step upgrades of older bundle files: `BUNDLE_MIGRATIONS[n]` turns a version-n object
 * into version n+1. Version 1 is the first, so nothing is here yet; a version 2 adds its step.
 */
export const BUNDLE_MIGRATIONS: Record<number, (bundle: Record<string, unknown>) => Record<string, unknown>> = {};

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: DataError[] };

const fileError = (message: string): ParseResult<never> => ({
  ok: false,
  errors: [{ path: '', record: '', field: '', message }],
});

// Keys that would reach an object's prototype when copied; data never needs them.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A deep copy of JSON-like data without prototype-reaching keys. */
export function withoutForbiddenKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutForbiddenKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (!FORBIDDEN_KEYS.has(k)) out[k] = withoutForbiddenKeys(v);
    }
    return out;
  }
  return value;
}

/** Parses a bundle file's text; a syntax error is reported, never thrown. */
export function parseBundleText(text: string): ParseResult<Bundle> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return fileError(`文件不是有效的 JSON：${(e as Error).message} / the file is not valid JSON`);
  }
  return parseBundle(raw);
}

/** Validates (and upgrades) a bundle object; every shape error is listed with its record and field. */
export function parseBundle(input: unknown): ParseResult<Bundle> {
  const raw = withoutForbiddenKeys(input);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return fileError('文件内容应为一个 JSON 对象 / the file must contain a JSON object');
  }
  let data = raw as Record<string, unknown>;
  if (data.format !== BUNDLE_FORMAT) {
    return fileError(`不是软著助手的数据文件（format 应为 "${BUNDLE_FORMAT}"） / not a Ruanzhu bundle (format must be "${BUNDLE_FORMAT}")`);
  }
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fileError('version 应为正整数 / version must be a positive integer');
  }
  if (version > BUNDLE_VERSION) {
    return fileError(`此文件来自更新版本的软著助手（版本 ${version}），请先升级扩展 / this file comes from a newer version (${version}); update the extension first`);
  }
  for (let v = version; v < BUNDLE_VERSION; v++) data = BUNDLE_MIGRATIONS[v](data);

  const result = Bundle.safeParse(data);
  if (!result.success) return { ok: false, errors: toDataErrors(result.error.issues, data) };
  const duplicates = [
    ...duplicateIdErrors('owners', result.data.owners),
    ...duplicateIdErrors('works', result.data.works),
  ];
  if (duplicates.length) return { ok: false, errors: duplicates };
  return { ok: true, value: result.data };
}

function duplicateIdErrors(collection: string, records: { id: string }[]): DataError[] {
  const seen = new Map<string, number>();
  const errors: DataError[] = [];
  records.forEach((r, i) => {
    const first = seen.get(r.id);
    if (first === undefined) seen.set(r.id, i);
    else
      errors.push({
        path: `${collection}[${i}].id`,
        record: `${collection}[${i}]（id ${r.id}）`,
        field: 'id',
        message: `id 与 ${collection}[${first}] 重复 / duplicate id, same as ${collection}[${first}]`,
      });
  });
  return errors;
}

export function makeBundle(owners: Bundle['owners'], works: Bundle['works'], now = new Date()): Bundle {
  return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, exportedAt: now.toISOString(), owners, works };
}
