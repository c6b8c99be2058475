import { z } from 'zod';

/** One problem in imported data, located by record and field, worded Chinese first. */
export const DataError = z.object({
  /** Dotted path into the input, e.g. `owners[2].idNumber`. */
  path: z.string(),
  /** The record as a person finds it: `owners[2]（张三，id o-3）`; empty for the file itself. */
  record: z.string(),
  /** The field's key within the record, e.g. `idNumber`. */
  field: z.string(),
  message: z.string(),
});
export type DataError = z.infer<typeof DataError>;

const TYPE_NAMES: Record<string, string> = {
  string: '文本 text',
  number: '数字 number',
  boolean: '布尔值 true/false',
  array: '列表 array',
  object: '对象 object',
  undefined: '缺失 missing',
  null: '空值 null',
};

const typeName = (t: string) => TYPE_NAMES[t] ?? t;

const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** A bilingual message for one zod issue; `input` is the value the issue is about. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return `缺少必填项 / required field is missing`;
      return `类型错误：应为${typeName(issue.expected)}，实为${typeName(typeOf(input))} / wrong type: expected ${issue.expected}, got ${typeOf(input)}`;
    case 'invalid_value':
      return `取值无效：可选 ${issue.values.map((v) => JSON.stringify(v)).join('、')} / invalid value, allowed: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union': {
      // Our unions are "enum or empty": report the enum's choices, not zod's internals.
      const allowed = issue.errors.flat().flatMap((i) =>
        i.code === 'invalid_value' ? i.values : [],
      );
      if (allowed.length) {
        return `取值无效：可选 ${allowed.map((v) => JSON.stringify(v)).join('、')} / invalid value, allowed: ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
      }
      return `格式不符 / does not match the expected format`;
    }
    case 'too_small':
      return issue.origin === 'string'
        ? `不能为空 / must not be empty`
        : `数值过小（最小 ${String(issue.minimum)}） / too small (minimum ${String(issue.minimum)})`;
    case 'too_big':
      return `超出上限 ${String(issue.maximum)} / exceeds the maximum ${String(issue.maximum)}`;
    case 'invalid_format':
      return issue.format === 'datetime'
        ? `日期时间格式应为 ISO 8601 / expected an ISO 8601 date-time`
        : `格式不符（${issue.format}） / wrong format (${issue.format})`;
    default:
      return `${issue.message}`;
  }
}

/** `['owners', 2, 'idNumber']` → `owners[2].idNumber` */
export function formatPath(path: PropertyKey[]): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`))
    .join('');
}

/** Describes a record of a collection for a person: `owners[2]（张三，id o-3）`. */
export function describeRecord(collection: string, index: number, record: unknown): string {
  const r = (record && typeof record === 'object' ? record : {}) as Record<string, unknown>;
  const name = [r.name, r.fullName].find((v) => typeof v === 'string' && v.trim());
  const id = typeof r.id === 'string' && r.id ? `id ${r.id}` : '';
  const detail = [name, id].filter(Boolean).join('，');
  return detail ? `${collection}[${index}]（${detail}）` : `${collection}[${index}]`;
}

/**
 * Turns zod issues on `input` into located, bilingual errors. Paths of the form
 * `<collection>[i].field…` name the record; anything else concerns the file itself.
 */
export function toDataErrors(issues: z.core.$ZodIssue[], input: unknown): DataError[] {
  return issues.map((issue) => {
    const [collection, index, ...rest] = issue.path;
    const inRecord = typeof collection === 'string' && typeof index === 'number';
    const target = valueAt(input, issue.path);
    return {
      path: formatPath(issue.path),
      record: inRecord ? describeRecord(collection, index, valueAt(input, [collection, index])) : '',
      field: inRecord ? formatPath(rest) : formatPath(issue.path),
      message: describeIssue(issue, target),
    };
  });
}

/** One line a person can read: `owners[2]（张三）· idNumber：类型错误…`. */
export function formatDataError(e: DataError): string {
  const where = [e.record, e.field].filter(Boolean).join(' · ');
  return where ? `${where}：${e.message}` : e.message;
}
