import { seal, unseal } from '@/utils/background/crypto/crypto';
import type { Sealed } from '@/utils/schema/encrypted';
import type { Owner } from '@/utils/schema/owner';

/**
 * What stays readable of an owner while the passphrase lock is on: the record's id (the key the
 * database finds it by), its kind and its timestamps. Everything else — name, numbers, contacts,
 * address, region, account, real-name data, tags, notes and any key a newer version adds — is
 * sealed, bound to the record's id. While locked nothing is listed, so nothing else is needed.
 */
export const CLEAR_OWNER_FIELDS = ['id', 'kind', 'createdAt', 'updatedAt'] as const;

/** An owner as stored: as it is, or (lock on) its clear fields and the rest in `sealed`. */
export type StoredOwner = Owner | (Pick<Owner, (typeof CLEAR_OWNER_FIELDS)[number]> & { sealed: Sealed });

/** How owners are written and read: as they are, or with all but the clear fields sealed. */
export interface OwnerCodec {
  toStored(owner: Owner): Promise<StoredOwner>;
  fromStored(stored: StoredOwner): Promise<Owner>;
}

/** A record sealed the old way: some fields in clear, the sealed part not bound to the id. Unlocking rewrites it. */
export const sealedTheOldWay = (stored: StoredOwner): boolean => isSealed(stored) && (!stored.sealed.bound || Object.keys(stored).some((k) => k !== 'sealed' && !(CLEAR_OWNER_FIELDS as readonly string[]).includes(k)));

const isSealed = (stored: StoredOwner): stored is StoredOwner & { sealed: Sealed } => 'sealed' in stored && !!stored.sealed;

export const plainCodec: OwnerCodec = {
  toStored: async (owner) => owner,
  fromStored: async (stored) => {
    if (isSealed(stored)) throw new Error('资料已加密，缺少口令 / the record is sealed and no key is at hand');
    return stored;
  },
};

export function sealingCodec(key: CryptoKey): OwnerCodec {
  return {
    async toStored(owner) {
      const clear: Record<string, unknown> = {};
      const secret: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(owner)) ((CLEAR_OWNER_FIELDS as readonly string[]).includes(field) ? clear : secret)[field] = value;
      return { ...(clear as Pick<Owner, (typeof CLEAR_OWNER_FIELDS)[number]>), sealed: await seal(key, secret, owner.id) };
    },
    async fromStored(stored) {
      if (!isSealed(stored)) return stored;
      const { sealed, ...clear } = stored;
      // The id is the additional data: a sealed body moved into another record does not open.
      // (Records sealed before the whole record was sealed kept blanks in clear: the sealed values win.)
      return { ...clear, ...((await unseal(key, sealed, clear.id)) as Partial<Owner>) } as Owner;
    },
  };
}
