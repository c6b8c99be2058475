/**
 * Bytes as base64 text and back. Extension messages are JSON in Chrome: a Uint8Array sent as is
 * arrives as an object of numbered keys (about 4 bytes of JSON per byte of file), base64 as 4
 * characters per 3 bytes. (Uint8Array.prototype.toBase64 is missing in Firefox 115, our minimum.)
 */

/** Characters per String.fromCharCode call: large enough to be fast, small enough for the argument limit. */
const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** The bytes of base64 text; throws on text that is not base64 (atob's DOMException). */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
