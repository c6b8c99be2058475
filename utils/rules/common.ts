/** Small helpers shared by the rule files. Every rule must survive data that bypassed the schema. */

/** The value if it is a string, '' otherwise (a half-typed draft may hold undefined or a number). */
export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Today as YYYY-MM-DD in local time: a date typed today must never count as "in the future". */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** True when `day` is YYYY-MM-DD and that day exists in the Gregorian calendar. */
export function isRealDay(day: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A value quoted for a message, shortened so that a pasted novel does not become the message. */
/**
 * Any value as text for a message, never throwing: a draft read from a file may hold an object
 * whose `toString` is not a function, which `String()` cannot convert.
 */
export function shownAsText(value: unknown): string {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return String(value);
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

export function quote(value: string, max = 40): string {
  const chars = Array.from(value);
  return `“${chars.length > max ? chars.slice(0, max).join('') + '…' : value}”`;
}
