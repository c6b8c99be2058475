import type { Finding } from '@/utils/schema/finding';
import { checkAccountsUnique } from '@/utils/rules/consistency';
import type { Owner } from '@/utils/schema/owner';

/** The id a draft not saved yet takes in the comparison (no stored id can be empty). */
const DRAFT_ID = '';

/**
 * account.unique-phone / account.unique-email for the owner being edited, against every stored
 * owner (its own stored version replaced by the draft). The finding is keyed to the field the shared
 * value is in: the portal account's, or the profile's own phone or email when no account is recorded
 * (the one a sign-up would use).
 */
export function sharedAccountFindings(draft: Owner, owners: readonly Owner[]): Finding[] {
  const list = [...owners.filter((o) => o.id !== draft.id), { ...draft, id: draft.id || DRAFT_ID }];
  return checkAccountsUnique(list)
    .filter((f) => f.ownerIds.includes(draft.id || DRAFT_ID))
    .map(({ ownerIds: _ids, ...f }) => {
      const field = f.rule === 'account.unique-phone' ? 'phone' : 'email';
      return { ...f, key: draft.account?.[field]?.trim() ? `account.${field}` : field };
    });
}
