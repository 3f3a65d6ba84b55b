const encoder = new TextEncoder();

/**
 * workerd's SubtleCrypto has timingSafeEqual. Spelled out so that programs type-checking this file
 * under DOM types (the add-in importing worker/client.ts) still see it.
 */
const subtle = crypto.subtle as SubtleCrypto & {
  timingSafeEqual(a: ArrayBufferView, b: ArrayBufferView): boolean;
};

/** SHA-256 of the text as lowercase hex: how tokens are stored (the clients' own hash). */
export { sha256Hex } from '../shared/request-body.ts';

/** Equality whose time does not depend on where the strings differ (workerd's timingSafeEqual). */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  // Only the length can leak, and every value compared here is a 64-character hex digest.
  if (x.byteLength !== y.byteLength) return false;
  return subtle.timingSafeEqual(x, y);
}

/** A new bearer token: 32 random bytes, base64url, with a prefix that secret scanners can spot. */
export function newTokenSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const base64 = btoa(String.fromCharCode(...bytes));
  return `gnbv_${base64.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')}`;
}
