import { z } from 'zod';
import { Filing } from './filing';
import { Owner } from './owner';
import { Work } from './work';
import { toDataErrors, type DataError } from './errors';
import { BUNDLE_LIMITS, fileTooLarge } from './import-limits';

export const BUNDLE_FORMAT = 'ruanzhu-bundle';
/** 1: owners and works; 2: and the filings the tracker follows. */
export const BUNDLE_VERSION = 2;
export const BUNDLE_FILE_SUFFIX = '.ruanzhu.json';

export const Bundle = z.looseObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  owners: z.array(Owner),
  works: z.array(Work),
  filings: z.array(Filing),
});
export type Bundle = z.infer<typeof Bundle>;

/**
 * Step-by-step upgrades of older bundle files: `BUNDLE_MIGRATIONS[n]` turns a version-n object
 * into version n+1.
 */
export const BUNDLE_MIGRATIONS: Record<number, (bundle: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 1 knew no filings; a `filings` key in one was somebody else's and meant nothing.
  1: (bundle) => ({ ...bundle, version: 2, filings: [] }),
};

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: DataError[] };

const fileError = (message: string): ParseResult<never> => ({
  ok: false,
  errors: [{ path: '', record: '', field: '', message }],
});

// Keys that would reach an object's prototype when copied; data never needs them.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const BUNDLE_FILE = { zh: '数据文件', en: 'bundle file' };

/** Data nested deeper than BUNDLE_LIMITS allows. */
export class NestingError extends Error {
  constructor(limit: number) {
    super(`文件中的数据嵌套超过 ${limit} 层，不是软著助手的数据文件，未导入 / the file's data nests deeper than ${limit} levels; it is not a Ruanzhu bundle and nothing was imported`);
  }
}

/**
 * JSON-like data without prototype-reaching keys: the data itself when it has none (a bundle of
 * 37 MB is not copied for nothing), else a deep copy without them. Iterative, with a depth limit:
 * a hostile file nested a million levels deep would overflow a recursive walk (and the structured
 * cloning and JSON.stringify that later carry it). Throws NestingError beyond `maxDepth`.
 */
export function withoutForbiddenKeys(value: unknown, maxDepth: number = BUNDLE_LIMITS.maxDepth): unknown {
  return hasForbiddenKeys(value, maxDepth) ? copyWithoutForbiddenKeys(value) : value;
}

const isContainer = (v: unknown): v is object => !!v && typeof v === 'object';

function hasForbiddenKeys(value: unknown, maxDepth: number): boolean {
  const pending: [node: unknown, depth: number][] = [[value, 0]];
  let found = false;
  while (pending.length) {
    const [node, depth] = pending.pop()!;
    if (!isContainer(node)) continue;
    if (depth >= maxDepth) throw new NestingError(maxDepth);
    if (Array.isArray(node)) {
      for (const v of node) if (isContainer(v)) pending.push([v, depth + 1]);
      continue;
    }
    for (const k in node) {
      // The walk goes on after a find: the depth limit holds for every file.
      if (FORBIDDEN_KEYS.has(k)) found = true;
      const v = (node as Record<string, unknown>)[k];
      if (isContainer(v)) pending.push([v, depth + 1]);
    }
  }
  return found;
}

function copyWithoutForbiddenKeys(value: unknown): unknown {
  const container = (v: unknown): unknown => (Array.isArray(v) ? [] : isContainer(v) ? {} : v);
  const root = container(value);
  const pending: [from: object, to: Record<string, unknown>][] = root === value ? [] : [[value as object, root as Record<string, unknown>]];
  while (pending.length) {
    const [from, to] = pending.pop()!;
    for (const [k, v] of Object.entries(from)) {
      if (!Array.isArray(from) && FORBIDDEN_KEYS.has(k)) continue;
      const copy = container(v);
      to[k] = copy;
      if (copy !== v) pending.push([v as object, copy as Record<string, unknown>]);
    }
  }
  return root;
}

/** A bundle file's JSON, not yet validated; a syntax error or a file over the limit is reported, never thrown. */
export function readBundleJson(text: string): ParseResult<unknown> {
  // A character takes at least one byte: a text longer than the limit comes from a larger file.
  if (text.length > BUNDLE_LIMITS.maxFileBytes) return fileError(fileTooLarge(BUNDLE_FILE, BUNDLE_LIMITS.maxFileBytes));
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return fileError(`文件不是有效的 JSON：${(e as Error).message} / the file is not valid JSON`);
  }
}

/** Parses a bundle file's text; a syntax error or a limit passed is reported, never thrown. */
export function parseBundleText(text: string): ParseResult<Bundle> {
  const json = readBundleJson(text);
  return json.ok ? parseBundle(json.value) : json;
}

/** Validates (and upgrades) a bundle object; every shape error is listed with its record and field. */
export function parseBundle(input: unknown): ParseResult<Bundle> {
  let raw: unknown;
  try {
    raw = withoutForbiddenKeys(input);
  } catch (e) {
    if (e instanceof NestingError) return fileError(e.message);
    throw e;
  }
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
    ...duplicateIdErrors('filings', result.data.filings.map((f) => ({ id: f.flowNumber })), 'flowNumber'),
  ];
  if (duplicates.length) return { ok: false, errors: duplicates };
  return { ok: true, value: result.data };
}

function duplicateIdErrors(collection: string, records: { id: string }[], field = 'id'): DataError[] {
  const seen = new Map<string, number>();
  const errors: DataError[] = [];
  records.forEach((r, i) => {
    const first = seen.get(r.id);
    if (first === undefined) seen.set(r.id, i);
    else
      errors.push({
        path: `${collection}[${i}].${field}`,
        record: `${collection}[${i}]（${field} ${r.id}）`,
        field,
        message: `${field} 与 ${collection}[${first}] 重复 / duplicate ${field}, same as ${collection}[${first}]`,
      });
  });
  return errors;
}

export function makeBundle(owners: Bundle['owners'], works: Bundle['works'], { filings = [], now = new Date() }: { filings?: Bundle['filings']; now?: Date } = {}): Bundle {
  return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, exportedAt: now.toISOString(), owners, works, filings };
}
