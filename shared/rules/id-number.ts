import { type CellValue, isBlank } from '../grid/grid.ts';
import { PROVINCE_CODES } from '../standards/index.ts';
import type { CheckMemory } from '../check-memory.ts';
import type { Field, RowCells } from './context.ts';
import type { Gender } from './read-fields.ts';

/** Century and gender from the 4th digit of a 12-digit personal ID (Thông tư 07/2016/TT-BCA). */
const CENTURY_DIGIT: readonly { century: number; gender: Gender }[] = [
  { century: 1900, gender: 'male' }, // 0
  { century: 1900, gender: 'female' }, // 1
  { century: 2000, gender: 'male' }, // 2
  { century: 2000, gender: 'female' }, // 3
  { century: 2100, gender: 'male' }, // 4
  { century: 2100, gender: 'female' }, // 5
  { century: 2200, gender: 'male' }, // 6
  { century: 2200, gender: 'female' }, // 7
  { century: 1800, gender: 'male' }, // 8
  { century: 1800, gender: 'female' }, // 9
];

/** The province codes as numbers 0…999, for a lookup without slicing the ID. */
const PROVINCE_NUMBERS: Uint8Array = (() => {
  const known = new Uint8Array(1000);
  for (const code of PROVINCE_CODES.keys()) if (/^\d{3}$/.test(code)) known[Number(code)] = 1;
  return known;
})();

/** "012345678901" as written: digits only (no spaces, dots or dashes to strip). */
function onlyDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch < 48 || ch > 57) return false;
  }
  return true;
}

/** The number the digits from..to of s spell (digits only). */
function digitsValue(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

/**
 * ID.FORMAT, ID.PROVINCE, ID.BIRTH_MISMATCH on one cell. Returns the ID as it should read (with a
 * leading 0 that Excel dropped restored) for duplicate checks, or null when blank or unusable; with
 * `ids`, also records that ID on this row for ID.DUPLICATE.
 */
export function checkIdNumber(
  cells: RowCells,
  field: Field,
  birthYear: number | null,
  gender: Gender | null,
  ids?: IdOccurrences,
): string | null {
  // The usual cell, twelve digits as text: read once, its parts kept as numbers. Digits alone
  // cannot be legacy-encoded text, so the cell is taken as it is unless it already has an issue.
  const cell = cells.value(field);
  if (typeof cell === 'string' && cell.length === 12 && !(cells.mayHaveFlagged() && cells.flagged(field))) {
    let head = 0;
    let tail = 0;
    let i = 0;
    for (; i < 12; i++) {
      const d = cell.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      if (i < 6) head = head * 10 + d;
      else tail = tail * 10 + d;
    }
    if (i === 12) {
      judgeTwelveDigits(cells, field, cell, head, birthYear, gender);
      ids?.addParts(12, head, tail, cells.row);
      return cell;
    }
  }
  const v = cells.raw(field);
  if (v === undefined || isBlank(v)) return null;
  const id = checkIdNumberText(cells, field, v, birthYear, gender);
  if (id !== null) ids?.add(id, cells.row);
  return id;
}

function checkIdNumberText(cells: RowCells, field: Field, v: CellValue, birthYear: number | null, gender: Gender | null): string | null {
  let digits: string;
  let fromNumber = false;
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 0 || v >= 1e21) {
      cells.issue('ID.FORMAT', field, { params: { length: null } });
      return null;
    }
    digits = v.toFixed(0); // digits only below 10^21
    fromNumber = true;
  } else if (typeof v === 'string' && onlyDigits(v)) {
    digits = v;
  } else if (typeof v === 'string' && onlyDigits((digits = v.trim().replace(/[\s.\-]/g, '')))) {
    // "038 095 001 234", "038.095.001.234": the digits as written.
  } else {
    cells.issue('ID.FORMAT', field, { params: { length: null } });
    return null;
  }
  if (fromNumber && digits.length === 11) {
    const restored = `0${digits}`;
    cells.issue('ID.FORMAT', field, { expected: restored, params: { length: 11, leadingZeroLost: true } });
    return restored;
  }
  if (digits.length === 9 || (fromNumber && digits.length === 8)) {
    cells.issue('ID.FORMAT', field, { severity: 'warning', params: { length: digits.length, oldIdCard: true } });
    return digits.padStart(9, '0');
  }
  if (digits.length !== 12) {
    cells.issue('ID.FORMAT', field, { params: { length: digits.length } });
    return null;
  }
  judgeTwelveDigits(cells, field, digits, digitsValue(digits, 0, 6), birthYear, gender);
  return digits;
}

/**
 * A 12-digit ID (Thông tư 07/2016/TT-BCA): its first three digits are a province, the fourth the
 * century and gender, the fifth and sixth the year of birth — all in `head`, the first six digits.
 */
function judgeTwelveDigits(cells: RowCells, field: Field, digits: string, head: number, birthYear: number | null, gender: Gender | null): void {
  if (PROVINCE_NUMBERS[Math.floor(head / 1000)] !== 1) {
    cells.issue('ID.PROVINCE', field, { params: { province: digits.slice(0, 3) } });
    return;
  }
  const coded = CENTURY_DIGIT[Math.floor(head / 100) % 10] as { century: number; gender: Gender };
  const idYear = coded.century + (head % 100);
  const yearOff = birthYear !== null && birthYear !== idYear;
  const genderOff = gender !== null && gender !== coded.gender;
  if (yearOff || genderOff) {
    cells.issue('ID.BIRTH_MISMATCH', field, { params: { idYear, idGender: coded.gender, birthYear, gender } });
  }
}

/**
 * The IDs of one sheet, for ID.DUPLICATE on 100,000-row lists. While the rows are read, each ID is
 * kept as three small integers in typed arrays (its length, its digits before the last six, its last
 * six digits: no Map entry, no string hashing, no floating point); once the rows are done, one
 * open-addressing table finds the repeats. Built then rather than row by row, the table stays in the
 * processor's cache instead of competing with the sheet for it (npm run bench). The length keeps
 * "012…" and a 9-digit ID with the same digits apart.
 */
export class IdOccurrences {
  private memory: ArrayBuffer;
  private capacity: number;
  private lengths: Uint8Array;
  private heads: Int32Array;
  private tails: Int32Array;
  private rows: Int32Array;
  private count = 0;
  private done = false;

  /** With `checkMemory`, the typed arrays reuse the last table's (handed back by repeats()). */
  constructor(
    expected = 1024,
    private readonly checkMemory: CheckMemory | null = null,
  ) {
    this.capacity = Math.max(16, expected);
    const bytes = IdOccurrences.bytes(this.capacity);
    this.memory = checkMemory === null ? new ArrayBuffer(bytes) : checkMemory.takeIdMemory(bytes);
    [this.heads, this.tails, this.rows, this.lengths] = IdOccurrences.views(this.memory, this.capacity);
  }

  /** heads, tails, rows (4 bytes each), lengths (1 byte); the hash table of repeats() after them. */
  private static bytes(capacity: number): number {
    return capacity * 13 + 3 + IdOccurrences.tableSize(capacity) * 4;
  }

  private static tableSize(count: number): number {
    let size = 16;
    while (size < count * 2) size *= 2;
    return size;
  }

  private static views(memory: ArrayBuffer, capacity: number): [Int32Array, Int32Array, Int32Array, Uint8Array] {
    return [
      new Int32Array(memory, 0, capacity),
      new Int32Array(memory, capacity * 4, capacity),
      new Int32Array(memory, capacity * 8, capacity),
      new Uint8Array(memory, capacity * 12, capacity),
    ];
  }

  /** `id` (1 to 15 digits, as checkIdNumber returns them) seen on `row`. */
  add(id: string, row: number): void {
    if (id.length === 0 || id.length > 15) throw new RangeError(`IdOccurrences: an ID of ${id.length} digits`);
    const cut = id.length > 6 ? id.length - 6 : 0;
    this.addParts(id.length, digitsValue(id, 0, cut), digitsValue(id, cut, id.length), row);
  }

  /** An ID of `length` digits given as its digits before the last six (`head`) and its last six (`tail`). */
  addParts(length: number, head: number, tail: number, row: number): void {
    if (this.done) throw new Error('IdOccurrences: add() after repeats()');
    if (this.count === this.capacity) this.grow();
    this.lengths[this.count] = length;
    this.heads[this.count] = head;
    this.tails[this.count] = tail;
    this.rows[this.count] = row;
    this.count++;
  }

  /**
   * Every later occurrence of an ID with the row it was first seen on, in the order added. The
   * table's memory is handed back to the CheckMemory for the next table: call this once, last.
   */
  repeats(): { row: number; firstRow: number }[] {
    if (this.done) throw new Error('IdOccurrences: repeats() twice');
    this.done = true;
    const { lengths, heads, tails, rows, count } = this;
    const size = IdOccurrences.tableSize(count);
    const mask = size - 1;
    // Slot → 1 + the index of the first occurrence; 0 is an empty slot.
    const slots = new Int32Array(this.memory, (this.capacity * 13 + 3) & ~3, size).fill(0);
    const out: { row: number; firstRow: number }[] = [];
    for (let i = 0; i < count; i++) {
      const length = lengths[i] as number;
      const head = heads[i] as number;
      const tail = tails[i] as number;
      const h = Math.imul(head ^ (length << 27), 0x9e3779b1) ^ Math.imul(tail, 0x85ebca6b);
      let slot = (h ^ (h >>> 15)) & mask;
      for (;;) {
        const first = slots[slot] as number;
        if (first === 0) {
          slots[slot] = i + 1;
          break;
        }
        const j = first - 1;
        if (tails[j] === tail && heads[j] === head && lengths[j] === length) {
          out.push({ row: rows[i] as number, firstRow: rows[j] as number });
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    this.checkMemory?.giveBackIdMemory(this.memory);
    return out;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const memory = new ArrayBuffer(IdOccurrences.bytes(capacity));
    const views = IdOccurrences.views(memory, capacity);
    views[0].set(this.heads);
    views[1].set(this.tails);
    views[2].set(this.rows);
    views[3].set(this.lengths);
    this.memory = memory;
    this.capacity = capacity;
    [this.heads, this.tails, this.rows, this.lengths] = views;
  }
}
