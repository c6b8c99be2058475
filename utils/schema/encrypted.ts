import { z } from 'zod';

/*
 * The shapes of sealed data: an AES-GCM ciphertext with its nonce, the KDF parameters of a key,
 * and a bundle file sealed with a passphrase of its own. The cryptography itself is the
 * background's (utils/background/vault/crypto.ts); these are only shapes, checked wherever read.
 */

/** An AES-GCM ciphertext with its nonce, base64 both, as stored and exported; `bound`: the record's id is its additional data. */
export const Sealed = z.object({ iv: z.string().min(1), data: z.string().min(1), bound: z.literal(true).optional() });
export type Sealed = z.infer<typeof Sealed>;

/**
 * PBKDF2 parameters. The iterations are bounded both ways: too few is weak, and a file may not
 * make the extension derive a key for minutes (an encrypted bundle carries its own).
 */
export const MAX_KDF_ITERATIONS = 5_000_000;
export const KdfParams = z.object({ salt: z.string().min(1), iterations: z.number().int().min(100_000).max(MAX_KDF_ITERATIONS) });
export type KdfParams = z.infer<typeof KdfParams>;

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
