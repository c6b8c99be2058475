import type { Finding } from '@/utils/schema/finding';
import type { Owner } from '@/utils/schema/owner';
import { str } from './common';
import { checkRealNameMatch } from './consistency';
import { checkEmail, checkIdNumber, checkLandline, checkMobile, checkPostcode, checkTypeMatchesKind, isChina, type IdForm } from './identity';

/**
 * All the checks of one owner profile, keyed by Owner field keys (`idNumber`, `account.phone` …),
 * including realname.match between the profile and its authenticated values; `form` is whose list
 * of document types applies (an R11 owner row's, or a profile's). The options page
 * calls it on every keystroke with a half-typed draft, so it reads every field defensively (a
 * draft may miss fields or hold the wrong types) and does no more than a few regular expressions
 * per field.
 */
export function checkOwner(owner: Owner, today?: string, form: IdForm = 'profile'): Finding[] {
  const o: Record<string, unknown> = owner && typeof owner === 'object' ? owner : {};
  const country = str(o.country);
  const typeFindings = checkTypeMatchesKind(o, form);
  const out: Finding[] = [...typeFindings];
  // A number of the wrong kind (a USCC on a person) is already explained; its format finding would only repeat it.
  if (!typeFindings.some((f) => f.key === 'idNumber')) {
    out.push(...checkIdNumber(str(o.idType).trim(), str(o.idNumber), 'idNumber', { today, country }));
  }
  out.push(...checkMobile(str(o.phone), 'phone'));
  out.push(...checkLandline(str(o.landline), 'landline'));
  out.push(...checkEmail(str(o.email), 'email'));
  if (isChina(country)) out.push(...checkPostcode(str(o.postcode), 'postcode'));
  const account: Record<string, unknown> = o.account && typeof o.account === 'object' ? (o.account as Record<string, unknown>) : {};
  out.push(...checkMobile(str(account.phone), 'account.phone'));
  out.push(...checkEmail(str(account.email), 'account.email'));
  out.push(...checkRealNameMatch(owner));
  return out;
}
