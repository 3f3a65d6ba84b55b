import * as z from 'zod';

/**
 * What every client (task pane, upload page, command line) does to a submission before sending:
 * the body gzip-compressed, its SHA-256, and one Idempotency-Key per content. Standard Web APIs
 * only (CompressionStream, SubtleCrypto), so the same code runs in a web view, a browser, Node and
 * workerd (which hashes tokens with sha256Hex).
 */

/** The request body gzip-compressed where the runtime can (CompressionStream), else as is. */
export async function encodeBody(text: string): Promise<{ body: ArrayBuffer; gzip: boolean }> {
  const plain = new Blob([text], { type: 'application/json' });
  if (typeof CompressionStream === 'undefined') return { body: await plain.arrayBuffer(), gzip: false };
  const compressed = await new Response(plain.stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
  return { body: compressed, gzip: true };
}

/** SHA-256 of the text as lowercase hex. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The task pane's store (localStorage); the upload page keeps its own in sessionStorage. */
const KEYS = 'gnbv.submit.keys.v1';
/** The server keeps an Idempotency-Key 24 hours; after that the same key would make a new version anyway. */
const KEY_TTL_MS = 24 * 3600 * 1000;
const MAX_KEYS = 20;
const Keys = z.record(z.string(), z.object({ key: z.string(), at: z.string() }));

/**
 * One Idempotency-Key per content (per server): sending the same grids for the same period again —
 * a retry, a reload, a second click — reuses the key, so the server answers with the first receipt
 * instead of storing a second version. Kept in localStorage by the content's SHA-256, never the
 * content itself (it holds personal data).
 */
/** What keyForContent needs of localStorage or sessionStorage. */
export interface KeyStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function keyForContent(storage: KeyStore, contentHash: string, now: Date, store = KEYS): string {
  let keys: z.infer<typeof Keys> = {};
  try {
    const parsed = Keys.safeParse(JSON.parse(storage.getItem(store) ?? '{}'));
    if (parsed.success) keys = parsed.data;
  } catch {
    keys = {};
  }
  const fresh = Object.entries(keys).filter(([, v]) => now.getTime() - new Date(v.at).getTime() < KEY_TTL_MS);
  const known = fresh.find(([hash]) => hash === contentHash);
  if (known) return known[1].key;
  const key = crypto.randomUUID();
  try {
    const kept = [...fresh.slice(-(MAX_KEYS - 1)), [contentHash, { key, at: now.toISOString() }] as const];
    storage.setItem(store, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // storage full or blocked: the key still holds for this submission and its retries (kept with it in the queue)
  }
  return key;
}
