import { idKey, TEXT_ID } from './household-key.ts';

/**
 * A set of ID numbers, each with one number attached, held in two typed arrays rather than a Map
 * of strings: about 32 bytes an ID instead of some 170 (the string, the map entry and a heap
 * number), so the ID numbers of a province's half a million households fit a Worker's memory. An
 * ID of up to 15 digits is kept as a number (a leading 1, then its digits: leading zeros count);
 * anything else (letters, longer) in a Map beside.
 */
export class IdTable {
  private keys: Float64Array;
  private values: Float64Array;
  private used = 0;
  private readonly other = new Map<string, number>();

  /** `size`: about how many IDs it will hold (it grows past that). */
  constructor(size = 1 << 11) {
    let slots = 16;
    while (slots < size * 2) slots *= 2;
    this.keys = new Float64Array(slots);
    this.values = new Float64Array(slots);
  }

  get(id: string): number | undefined {
    const key = numericKey(id);
    return key === null ? this.other.get(id) : this.getNumeric(key);
  }

  set(id: string, value: number): void {
    const key = numericKey(id);
    if (key === null) this.other.set(id, value);
    else this.setNumeric(key, value);
  }

  /**
   * `get` of an ID number's idKey, given its `idNumberKey` (not NO_ID): the usual numeric ID is
   * looked up without making its idKey string.
   */
  getByKey(key: number, idNumber: string): number | undefined {
    return key === TEXT_ID ? this.other.get(idKey(idNumber) as string) : this.getNumeric(key);
  }

  /** `set` of an ID number's idKey, given its `idNumberKey` (not NO_ID). */
  setByKey(key: number, idNumber: string, value: number): void {
    if (key === TEXT_ID) this.other.set(idKey(idNumber) as string, value);
    else this.setNumeric(key, value);
  }

  private getNumeric(key: number): number | undefined {
    const at = this.slot(key);
    return this.keys[at] === key ? this.values[at] : undefined;
  }

  private setNumeric(key: number, value: number): void {
    let at = this.slot(key);
    if (this.keys[at] !== key) {
      if ((this.used + 1) * 2 > this.keys.length) {
        this.grow();
        at = this.slot(key);
      }
      this.keys[at] = key;
      this.used++;
    }
    this.values[at] = value;
  }

  /** The key's slot, or the empty slot where it would go (linear probing; 0 marks empty). */
  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let at = hash(key) & mask;
    for (;;) {
      const k = this.keys[at];
      if (k === key || k === 0) return at;
      at = (at + 1) & mask;
    }
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.values = new Float64Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as number;
      if (k !== 0) {
        const at = this.slot(k);
        this.keys[at] = k;
        this.values[at] = values[i] as number;
      }
    }
  }
}

/** 1 followed by the ID's digits, as a number (exact below 2^53); null when the ID is not 1–15 digits. */
function numericKey(id: string): number | null {
  const n = id.length;
  if (n === 0 || n > 15) return null;
  let key = 1;
  for (let i = 0; i < n; i++) {
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    key = key * 10 + d;
  }
  return key;
}

function hash(key: number): number {
  const low = key % 0x1_0000_0000;
  const high = (key - low) / 0x1_0000_0000;
  let h = Math.imul(low ^ Math.imul(high, 0x9e37_79b1), 0x85eb_ca6b);
  h ^= h >>> 15;
  return Math.imul(h, 0xc2b2_ae35) ^ (h >>> 13);
}
