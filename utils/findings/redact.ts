import type { PlanValues } from '../contract/messages';
import type { Finding } from '../schema/finding';

/*
 * Findings meant for a portal page carry no profile value the page has not shown itself
 * (SECURITY.md). The rules already describe differences by position there; this is the net under
 * them: any profile text that still stands in a message is replaced, whatever rule wrote it.
 */

export const REDACTED = '〔资料中的值〕';

/**
 * The texts that say who someone is or what the software is called: an owner's name, numbers,
 * contacts, address, account and authenticated data; a work's names and version. Choices from the
 * portal's own lists (自然人, 中国, 原创 …) are the page's words, not anybody's data.
 */
const OWNER_TEXTS = ['name', 'idNumber', 'phone', 'email', 'address', 'postcode', 'landline', 'contactName', 'notes', 'account.username', 'account.phone', 'account.email', 'realName.name', 'realName.idNumber'];
const WORK_TEXTS = ['fullName', 'shortName', 'version'];

const at = (record: object, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), record);
const textsOf = (record: object | null, paths: readonly string[]): string[] =>
  record ? paths.map((p) => at(record, p)).filter((v): v is string => typeof v === 'string').map((v) => v.trim()) : [];

/** The forms a value may take in a message: as stored, NFKC-folded, digits alone (a phone written another way). */
function forms(text: string): string[] {
  const folded = text.normalize('NFKC');
  const digits = text.replace(/\D/g, '');
  return [text, folded, ...(digits.length >= 6 ? [digits] : [])];
}

/**
 * `findings` with every profile text of `values` that `shown` (what the page itself shows) does
 * not contain replaced by REDACTED. Texts under two characters say nothing about anyone and stay.
 */
export function redactForPage(findings: readonly Finding[], values: PlanValues | null, shown: readonly string[]): Finding[] {
  if (!values) return [...findings];
  const onPage = new Set(shown.flatMap((s) => forms(s.trim())));
  const all = [...[values.owner, ...values.coOwners].flatMap((o) => textsOf(o, OWNER_TEXTS)), ...textsOf(values.work, WORK_TEXTS)];
  const secrets = [...new Set(all.flatMap(forms))]
    .filter((s) => [...s].length >= 2 && !onPage.has(s))
    // Longest first, so a name is not half-replaced by a shorter value inside it.
    .sort((a, b) => b.length - a.length);
  if (!secrets.length) return [...findings];
  return findings.map((f) => {
    let message = f.message;
    for (const s of secrets) if (message.includes(s)) message = message.split(s).join(REDACTED);
    return message === f.message ? f : { ...f, message };
  });
}
