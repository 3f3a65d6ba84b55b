import type { HouseholdCategory } from '../plans/plan.ts';
import type { HouseholdRecord } from '../rules/households.ts';
import { headVillageKey, idNumberKey, NO_ID } from './household-key.ts';
import { IdTable } from './id-table.ts';

/** A household's category at the start of the year; 'none' = not on the previous list. */
export type StartCategory = HouseholdCategory | 'none';

const CATEGORIES: readonly (HouseholdCategory | null)[] = [null, 'poor', 'nearPoor', 'newlyEscaped'];
const CATEGORY_CODE: Readonly<Record<HouseholdCategory, number>> = { poor: 1, nearPoor: 2, newlyEscaped: 3 };
const MATCHED = 1;
const HAS_ID = 2;
const NONE = -1;

/**
 * The commune's previous annual list, indexed for matching: by ID number, else by head name +
 * village. Held for one commune at a time (what the changes report needs), then dropped.
 *
 * Held in typed arrays, not an object and map entries per household: a district's previous lists
 * pass through the heap one commune after another, and as objects each one lived long enough to
 * be promoted and then lay in the old generation as garbage. An entry is its category, two flags
 * (matched, has an ID), its place in the ID table (numeric ID keys, as IdTable keeps them) and its
 * head + village key, whose characters are copied into one buffer and compared there.
 */
export class PreviousList {
  private count = 0;
  private categories = new Uint8Array(0);
  private flags = new Uint8Array(0);
  /** Each ID's first entry; made with the first entry that has an ID. */
  private ids: IdTable | null = null;
  /** Each entry's head + village key: where its characters start in `chars` (NONE: no key), its length and hash. */
  private headStart = new Int32Array(0);
  private headLength = new Int32Array(0);
  private headHash = new Int32Array(0);
  private chars = new Uint16Array(0);
  private charsUsed = 0;
  /** The next entry with the same key (NONE: the last), in the list's order; the last one, for a key's first entry. */
  private headNext = new Int32Array(0);
  private headLast = new Int32Array(0);
  /** Open addressing on the key's hash: 1 + a key's first entry (0 = empty slot). */
  private headSlots = new Int32Array(0);
  private headsUsed = 0;

  get size(): number {
    return this.count;
  }

  add(record: HouseholdRecord): void {
    const e = this.count;
    if (e === this.categories.length) this.growEntries();
    this.count++;
    this.categories[e] = record.category === null ? 0 : CATEGORY_CODE[record.category];
    const id = idNumberKey(record.idNumber);
    this.flags[e] = id === NO_ID ? 0 : HAS_ID;
    if (record.idNumber !== null && id !== NO_ID) {
      this.ids ??= new IdTable(1 << 9);
      if (this.ids.getByKey(id, record.idNumber) === undefined) this.ids.setByKey(id, record.idNumber, e);
    }
    this.headNext[e] = NONE;
    const head = headVillageKey(record);
    if (head === null) {
      this.headStart[e] = NONE;
      return;
    }
    const hash = stringHash(head);
    this.headStart[e] = this.copyChars(head);
    this.headLength[e] = head.length;
    this.headHash[e] = hash;
    if ((this.headsUsed + 1) * 2 > this.headSlots.length) this.growHeads();
    const at = this.headSlot(head, hash);
    const first = (this.headSlots[at] as number) - 1;
    if (first === NONE) {
      this.headSlots[at] = e + 1;
      this.headLast[e] = e;
      this.headsUsed++;
    } else {
      this.headNext[this.headLast[first] as number] = e;
      this.headLast[first] = e;
    }
  }

  /** The start category of this household by the previous list, its matching entry marked matched. */
  take(record: HouseholdRecord): StartCategory {
    const id = idNumberKey(record.idNumber);
    if (record.idNumber !== null && id !== NO_ID && this.ids !== null) {
      const byId = this.ids.getByKey(id, record.idNumber);
      if (byId !== undefined && !this.isMatched(byId)) return this.match(byId);
    }
    // Name + village only between records that do not both carry (different) ID numbers.
    const head = headVillageKey(record);
    if (head === null || this.headsUsed === 0) return 'none';
    const first = (this.headSlots[this.headSlot(head, stringHash(head))] as number) - 1;
    for (let e = first; e !== NONE; e = this.headNext[e] as number) {
      if (!this.isMatched(e) && (((this.flags[e] as number) & HAS_ID) === 0 || id === NO_ID)) return this.match(e);
    }
    return 'none';
  }

  /** The categories of the entries no household matched (those with one). */
  unmatched(): HouseholdCategory[] {
    const out: HouseholdCategory[] = [];
    for (let e = 0; e < this.count; e++) {
      const category = CATEGORIES[this.categories[e] as number] ?? null;
      if (!this.isMatched(e) && category !== null) out.push(category);
    }
    return out;
  }

  private isMatched(e: number): boolean {
    return ((this.flags[e] as number) & MATCHED) !== 0;
  }

  private match(e: number): StartCategory {
    this.flags[e] = (this.flags[e] as number) | MATCHED;
    return CATEGORIES[this.categories[e] as number] ?? 'none';
  }

  /** The slot of the key's first entry, or the empty slot where it would go (linear probing). */
  private headSlot(head: string, hash: number): number {
    const mask = this.headSlots.length - 1;
    let at = hash & mask;
    for (;;) {
      const first = (this.headSlots[at] as number) - 1;
      if (first === NONE || (this.headHash[first] === hash && this.sameHead(first, head))) return at;
      at = (at + 1) & mask;
    }
  }

  private sameHead(e: number, head: string): boolean {
    if (this.headLength[e] !== head.length) return false;
    const start = this.headStart[e] as number;
    for (let i = 0; i < head.length; i++) if (this.chars[start + i] !== head.charCodeAt(i)) return false;
    return true;
  }

  private copyChars(text: string): number {
    const start = this.charsUsed;
    if (start + text.length > this.chars.length) this.chars = grown(this.chars, Math.max(this.chars.length * 2, start + text.length, 4096));
    for (let i = 0; i < text.length; i++) this.chars[start + i] = text.charCodeAt(i);
    this.charsUsed = start + text.length;
    return start;
  }

  private growEntries(): void {
    const n = Math.max(256, this.categories.length * 2);
    this.categories = grown(this.categories, n);
    this.flags = grown(this.flags, n);
    this.headStart = grown(this.headStart, n);
    this.headLength = grown(this.headLength, n);
    this.headHash = grown(this.headHash, n);
    this.headNext = grown(this.headNext, n);
    this.headLast = grown(this.headLast, n);
  }


  private growHeads(): void {
    const slots = this.headSlots;
    this.headSlots = new Int32Array(Math.max(512, slots.length * 2));
    const mask = this.headSlots.length - 1;
    for (const slot of slots) {
      if (slot === 0) continue;
      let at = (this.headHash[slot - 1] as number) & mask;
      while (this.headSlots[at] !== 0) at = (at + 1) & mask;
      this.headSlots[at] = slot;
    }
  }
}

function grown<T extends Uint8Array | Uint16Array | Int32Array>(array: T, length: number): T {
  const next = new (array.constructor as new (n: number) => T)(length);
  next.set(array);
  return next;
}

/** FNV-1a over the UTF-16 code units. */
function stringHash(text: string): number {
  let h = 0x811c_9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x0100_0193);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b_3c6d) ^ (h >>> 12);
}
