import type { KdfParams, Sealed } from '@/utils/schema/encrypted';

/** PBKDF2-SHA256 work factor (OWASP 2023 guidance for PBKDF2-HMAC-SHA256). */
export const PBKDF2_ITERATIONS = 600_000;

export class WrongPassphraseError extends Error {
  readonly reason = 'wrong-passphrase';
  constructor() {
    super('口令不正确，未做任何更改 / wrong passphrase; nothing was changed');
  }
}

const toBase64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export function newKdfParams(iterations = PBKDF2_ITERATIONS): KdfParams {
  return { salt: toBase64(crypto.getRandomValues(new Uint8Array(16))), iterations };
}

/** A non-extractable AES-GCM key from a passphrase: it can encrypt and decrypt, never be read out. */
export async function deriveKey(passphrase: string, params: KdfParams): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(params.salt), iterations: params.iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/**
 * Encrypts `value`. With `boundTo` (a record's id), the ciphertext is bound to it as GCM's
 * additional data: sealed data moved into another record no longer opens.
 */
export async function seal(key: CryptoKey, value: unknown, boundTo?: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const additionalData = boundTo === undefined ? undefined : new TextEncoder().encode(boundTo);
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, ...(additionalData ? { additionalData } : {}) }, key, new TextEncoder().encode(JSON.stringify(value)));
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)), ...(boundTo === undefined ? {} : { bound: true as const }) };
}

/**
 * Decrypts; a wrong key, tampered data or data bound to another record fails GCM's check and
 * reads as a wrong passphrase. Data sealed before records were bound (no `bound`) opens unbound.
 */
export async function unseal(key: CryptoKey, sealed: Sealed, boundTo?: string): Promise<unknown> {
  let plain: ArrayBuffer;
  const additionalData = sealed.bound ? new TextEncoder().encode(boundTo ?? '') : undefined;
  try {
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv), ...(additionalData ? { additionalData } : {}) }, key, fromBase64(sealed.data));
  } catch {
    throw new WrongPassphraseError();
  }
  return JSON.parse(new TextDecoder().decode(plain));
}
