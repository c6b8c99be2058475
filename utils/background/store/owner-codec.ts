import type { Owner } from '@/utils/schema/owner';
import { seal, unseal } from '@/utils/background/crypto/crypto';
import type { Sealed } from '@/utils/schema/encrypted';

/**
 * The owner fields the passphrase lock encrypts at rest: identity numbers, phones, emails,
 * addresses and the real-name data. Names stay readable so lists and links work while locked.
 */
export const SENSITIVE_OWNER_FIELDS = ['idNumber', 'phone', 'email', 'address', 'postcode', 'landline', 'account', 'realName'] as const;

/** An owner as stored while the lock is on: sensitive fields blank, their values in `sealed`. */
export type StoredOwner = Owner & { sealed?: Sealed };

const BLANK: Partial<Owner> = { idNumber: '', phone: '', email: '', address: '', postcode: '' };

/** How owners are written and read: as they are, or with the sensitive fields sealed. */
export interface OwnerCodec {
  toStored(owner: Owner): Promise<StoredOwner>;
  fromStored(stored: StoredOwner): Promise<Owner>;
}

export const plainCodec: OwnerCodec = {
  toStored: async (owner) => owner,
  fromStored: async ({ sealed: _ignored, ...owner }) => owner as Owner,
};

export function sealingCodec(key: CryptoKey): OwnerCodec {
  return {
    async toStored(owner) {
      const secret: Record<string, unknown> = {};
      const rest: Record<string, unknown> = { ...owner, ...BLANK };
      for (const field of SENSITIVE_OWNER_FIELDS) {
        if (owner[field] !== undefined) secret[field] = owner[field];
        if (!(field in BLANK)) delete rest[field];
      }
      return { ...(rest as Owner), sealed: await seal(key, secret) };
    },
    async fromStored({ sealed, ...owner }) {
      if (!sealed) return owner as Owner;
      return { ...owner, ...((await unseal(key, sealed)) as Partial<Owner>) } as Owner;
    },
  };
}
