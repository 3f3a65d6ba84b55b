import * as z from 'zod';
import { Period } from '../../shared/periods.ts';

/**
 * The submission waiting to be sent (one at a time): its exact body and its Idempotency-Key, kept
 * on this computer so a retry after a dropped connection — or after Excel was closed — sends the
 * very same bytes under the very same key. Never the token: that stays in the user's settings.
 */
export interface QueuedSubmission {
  key: string;
  serverUrl: string;
  period: Period;
  /** The JSON body, gzip-compressed when `gzip`. */
  body: ArrayBuffer;
  gzip: boolean;
  /** Characters of the JSON before compression. */
  size: number;
  sheets: string[];
  queuedAt: string;
  attempts: number;
}

export interface QueueStore {
  load(): Promise<QueuedSubmission | null>;
  /** Throws when it cannot keep it (quota, blocked storage, too big for localStorage). */
  save(item: QueuedSubmission): Promise<void>;
  clear(): Promise<void>;
}

const Meta = z.object({
  key: z.string().min(1),
  serverUrl: z.string(),
  period: Period,
  gzip: z.boolean(),
  size: z.number().int().nonnegative(),
  sheets: z.array(z.string()),
  queuedAt: z.string(),
  attempts: z.number().int().nonnegative(),
});

function isArrayBuffer(x: unknown): x is ArrayBuffer {
  return Object.prototype.toString.call(x) === '[object ArrayBuffer]';
}

function parseQueued(x: unknown): QueuedSubmission | null {
  if (typeof x !== 'object' || x === null) return null;
  const meta = Meta.safeParse(x);
  const body = (x as { body?: unknown }).body;
  return meta.success && isArrayBuffer(body) ? { ...meta.data, body } : null;
}

// ---- IndexedDB: for bodies of any size ----------------------------------------------------------

const DB_NAME = 'gnbv-addin';
const DB_VERSION = 1;
const OUTBOX = 'outbox';
const ONLY = 'pending';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export function indexedDbQueue(factory: IDBFactory): QueueStore {
  let opened: Promise<IDBDatabase> | null = null;
  const db = (): Promise<IDBDatabase> => {
    if (!opened) {
      const open = factory.open(DB_NAME, DB_VERSION);
      open.onupgradeneeded = () => {
        if (!open.result.objectStoreNames.contains(OUTBOX)) open.result.createObjectStore(OUTBOX);
      };
      opened = request(open).catch((e: unknown) => {
        opened = null;
        throw e;
      });
    }
    return opened;
  };
  return {
    async load() {
      const tx = (await db()).transaction(OUTBOX, 'readonly');
      return parseQueued(await request(tx.objectStore(OUTBOX).get(ONLY)));
    },
    async save(item) {
      const tx = (await db()).transaction(OUTBOX, 'readwrite');
      tx.objectStore(OUTBOX).put(item, ONLY);
      await done(tx);
    },
    async clear() {
      const tx = (await db()).transaction(OUTBOX, 'readwrite');
      tx.objectStore(OUTBOX).delete(ONLY);
      await done(tx);
    },
  };
}

// ---- localStorage: where IndexedDB is missing, for small bodies only -------------------------

const LOCAL_KEY = 'gnbv.submit.queue.v1';
/** localStorage holds about 5 million characters per origin, shared with the plan cache: keep well under. */
export const LOCAL_QUEUE_MAX_CHARS = 1_000_000;

function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let text = '';
  for (let i = 0; i < view.length; i += 0x8000) text += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(text: string): ArrayBuffer {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes.buffer;
}

export function localStorageQueue(storage: Storage): QueueStore {
  return {
    async load() {
      try {
        const stored: unknown = JSON.parse(storage.getItem(LOCAL_KEY) ?? 'null');
        if (typeof stored !== 'object' || stored === null || typeof (stored as { body64?: unknown }).body64 !== 'string') return null;
        const { body64, ...meta } = stored as { body64: string };
        return parseQueued({ ...meta, body: fromBase64(body64) });
      } catch {
        return null;
      }
    },
    async save(item) {
      const { body, ...meta } = item;
      const text = JSON.stringify({ ...meta, body64: toBase64(body) });
      if (text.length > LOCAL_QUEUE_MAX_CHARS) throw new Error(`queued body of ${text.length} characters is too big for localStorage`);
      storage.setItem(LOCAL_KEY, text);
    },
    async clear() {
      storage.removeItem(LOCAL_KEY);
    },
  };
}

/** IndexedDB where the web view has it (and lets us use it), else localStorage. */
export function queueStore(env: { indexedDB?: IDBFactory | undefined; storage: Storage }): QueueStore {
  const local = localStorageQueue(env.storage);
  const factory = env.indexedDB;
  if (!factory) return local;
  const idb = indexedDbQueue(factory);
  return {
    async load() {
      try {
        return (await idb.load()) ?? (await local.load());
      } catch {
        return local.load();
      }
    },
    async save(item) {
      try {
        await idb.save(item);
      } catch {
        await local.save(item);
      }
    },
    async clear() {
      await Promise.allSettled([idb.clear(), local.clear()]);
    },
  };
}
