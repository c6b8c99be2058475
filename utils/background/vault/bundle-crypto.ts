import { z } from 'zod';
import type { Bundle } from '@/utils/schema/bundle';
import { deriveKey, KdfParams, newKdfParams, Sealed, seal, unseal } from './crypto';

export const ENCRYPTED_BUNDLE_FORMAT = 'ruanzhu-bundle-encrypted';

/** An exported bundle sealed with its own passphrase (not the lock's): safe to mail or archive. */
export const EncryptedBundle = z.object({
  format: z.literal(ENCRYPTED_BUNDLE_FORMAT),
  version: z.literal(1),
  kdf: KdfParams,
  payload: Sealed,
});
export type EncryptedBundle = z.infer<typeof EncryptedBundle>;

export const isEncryptedBundle = (value: unknown): boolean =>
  !!value && typeof value === 'object' && (value as { format?: unknown }).format === ENCRYPTED_BUNDLE_FORMAT;

export async function encryptBundle(bundle: Bundle, passphrase: string): Promise<EncryptedBundle> {
  const kdf = newKdfParams();
  return { format: ENCRYPTED_BUNDLE_FORMAT, version: 1, kdf, payload: await seal(await deriveKey(passphrase, kdf), bundle) };
}

/** The plain bundle inside; a wrong passphrase throws WrongPassphraseError, a damaged file a clear Error. */
export async function decryptBundle(value: unknown, passphrase: string): Promise<unknown> {
  const parsed = EncryptedBundle.safeParse(value);
  if (!parsed.success) throw new Error('加密文件已损坏 / the encrypted file is damaged');
  return unseal(await deriveKey(passphrase, parsed.data.kdf), parsed.data.payload);
}
