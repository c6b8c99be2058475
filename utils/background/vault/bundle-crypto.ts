import type { Bundle } from '@/utils/schema/bundle';
import { ENCRYPTED_BUNDLE_FORMAT, EncryptedBundle } from '@/utils/schema/encrypted';
import { deriveKey, newKdfParams, seal, unseal } from '@/utils/background/crypto/crypto';

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
