import { isBlank } from '../grid/grid.ts';
import { PROVINCE_CODES } from '../standards/index.ts';
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

const digitAt = (s: string, i: number): number => s.charCodeAt(i) - 48;

/**
 * ID.FORMAT, ID.PROVINCE, ID.BIRTH_MISMATCH on one cell. Returns the ID as it should read (with a
 * leading 0 that Excel dropped restored) for duplicate checks, or null when blank or unusable.
 */
export function checkIdNumber(cells: RowCells, field: Field, birthYear: number | null, gender: Gender | null): string | null {
  const v = cells.raw(field);
  if (v === undefined || isBlank(v)) return null;
  let digits: string;
  let fromNumber = false;
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 0) {
      cells.issue('ID.FORMAT', field, { params: { length: null } });
      return null;
    }
    digits = v.toFixed(0);
    fromNumber = true;
  } else if (typeof v === 'string') {
    digits = onlyDigits(v) ? v : v.trim().replace(/[\s.\-]/g, '');
  } else {
    cells.issue('ID.FORMAT', field, { params: { length: null } });
    return null;
  }
  if (!onlyDigits(digits)) {
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
  if (PROVINCE_NUMBERS[digitAt(digits, 0) * 100 + digitAt(digits, 1) * 10 + digitAt(digits, 2)] !== 1) {
    cells.issue('ID.PROVINCE', field, { params: { province: digits.slice(0, 3) } });
    return digits;
  }
  const coded = CENTURY_DIGIT[digitAt(digits, 3)] as { century: number; gender: Gender };
  const idYear = coded.century + digitAt(digits, 4) * 10 + digitAt(digits, 5);
  const yearOff = birthYear !== null && birthYear !== idYear;
  const genderOff = gender !== null && gender !== coded.gender;
  if (yearOff || genderOff) {
    cells.issue('ID.BIRTH_MISMATCH', field, { params: { idYear, idGender: coded.gender, birthYear, gender } });
  }
  return digits;
}

/**
 * First row of each ID, for ID.DUPLICATE on 100,000-row lists: open addressing over typed arrays
 * (no object per entry). An ID of n digits is the key n × 10^12 + its value, exact in a double, so
 * "012…" and a 9-digit ID with the same digits stay apart.
 */
export class IdRows {
  /** Pairs (key, first row) side by side, so a probe reads one cache line; row 0 is an empty slot. */
  private slots: Float64Array;
  private size = 0;

  /** Sized for `expected` IDs at most half full, so a list of that many never rehashes. */
  constructor(expected = 512) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Float64Array(capacity * 2);
  }

  /** The row this ID was first seen on, or 0; remembers `row` when it is new. */
  firstRow(id: string, row: number): number {
    const key = id.length * 1e12 + Number(id);
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let k = IdRows.hash(key) & mask;
    for (;;) {
      const r = slots[2 * k + 1] as number;
      if (r === 0) break;
      if (slots[2 * k] === key) return r;
      k = (k + 1) & mask;
    }
    slots[2 * k] = key;
    slots[2 * k + 1] = row;
    if (++this.size * 4 > slots.length) this.grow();
    return 0;
  }

  private static hash(key: number): number {
    const lo = key % 4294967296 | 0;
    const hi = (key / 4294967296) | 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    return Math.imul(h, 0xc2b2ae35) ^ (h >>> 13);
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Float64Array(old.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let i = 0; i < old.length; i += 2) {
      const r = old[i + 1] as number;
      if (r === 0) continue;
      const key = old[i] as number;
      let k = IdRows.hash(key) & mask;
      while (slots[2 * k + 1] !== 0) k = (k + 1) & mask;
      slots[2 * k] = key;
      slots[2 * k + 1] = r;
    }
    this.slots = slots;
  }
}
