import { isBlank } from '../grid/grid.ts';
import { cellText, numberOf, parseDate, parseMark, type YearOrDate, yearOrDateOf } from '../grid/values.ts';
import type { Field, FieldRef, RowCells } from './context.ts';

/** Typed reads of one row's fields. Each returns null when blank or unusable; type errors are reported once. */

export function readText(cells: RowCells, field: Field): string | null {
  const v = cells.raw(field);
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') return cellText(v);
  if (v.length === 0) return null;
  // Most text has a letter or digit at both ends: nothing to trim, and not blank.
  const first = v.charCodeAt(0);
  const last = v.charCodeAt(v.length - 1);
  if (first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f) return v;
  const trimmed = v.trim();
  return trimmed === '' ? null : trimmed;
}

export function readNumber(cells: RowCells, field: Field, expectedType = 'number'): number | null {
  const v = cells.raw(field);
  if (v === undefined || isBlank(v)) return null;
  const n = numberOf(v);
  if (n !== n) {
    cells.typeError(field, expectedType);
    return null;
  }
  return n;
}

/** Money in whole đồng after the column's unit (triệu / nghìn đồng). */
export function readMoney(cells: RowCells, field: Field, unit: number): number | null {
  const n = readNumber(cells, field, 'money');
  return n === null ? null : Math.round(n * unit);
}

export function readYearOrDate(cells: RowCells, field: Field, minYear: number, maxYear: number): YearOrDate | null {
  const v = cells.raw(field);
  if (v === undefined || isBlank(v)) return null;
  const p = yearOrDateOf(v);
  if (p === null || p.year < minYear || p.year > maxYear) {
    cells.typeError(field, 'year');
    return null;
  }
  return p;
}

export function readDate(cells: RowCells, field: Field): string | null {
  const v = cells.raw(field);
  if (v === undefined || isBlank(v)) return null;
  const p = parseDate(v);
  if (!p.ok) {
    cells.typeError(field, 'date');
    return null;
  }
  return p.value;
}

export function readMark(cells: RowCells, field: Field): boolean | null {
  const v = cells.raw(field);
  if (v === null) return false; // the usual two first: empty or x
  if (v === 'x') return true;
  if (v === undefined) return null;
  const p = parseMark(v, cells.memory.fold);
  if (!p.ok) {
    cells.typeError(field, 'mark');
    return null;
  }
  return p.value;
}

/** In readMarks' answer: one of the cells is not a mark (each such cell has its CELL.TYPE). */
export const UNREADABLE_MARK = 1 << 16;

/** A sheet's columns of one group of marks (the twelve indicators, the poverty reasons), resolved once. */
export class MarkColumns {
  /** Each field's place in a row's cells (0-based). */
  readonly places: Int32Array;

  constructor(readonly fields: readonly FieldRef[]) {
    if (fields.length > 16) throw new RangeError(`MarkColumns: ${fields.length} columns, at most 16`);
    if (fields.some((f) => f.col < 1)) throw new RangeError('MarkColumns: a column the sheet does not have');
    this.places = Int32Array.from(fields, (f) => f.col - 1);
  }
}

/**
 * A row's marks as bits, bit k for `marks.fields[k]`: one call for the twelve indicator columns.
 * Every cell is read, so every bad one is reported; UNREADABLE_MARK is set when any was.
 *
 * Most such cells are empty, "x" or "X", so the row's cells are looked at directly first; any other
 * value (✓, 1, text, an error), or a row with an issue already, takes the careful reading.
 */
export function readMarks(cells: RowCells, marks: MarkColumns): number {
  const values = cells.values;
  const places = marks.places;
  let bits = 0;
  let other = false;
  for (let k = 0; k < places.length; k++) {
    const v = values[places[k] as number];
    if (v === null || v === undefined) continue;
    if (v === 'x' || v === 'X') bits |= 1 << k;
    else other = true;
  }
  return other || cells.mayHaveFlagged() ? readEachMark(cells, marks.fields) : bits;
}

function readEachMark(cells: RowCells, fields: readonly FieldRef[]): number {
  let bits = 0;
  for (let k = 0; k < fields.length; k++) {
    const f = fields[k] as FieldRef;
    const v = cells.value(f);
    if (v === null || v === undefined) continue;
    const m = readMark(cells, f);
    if (m === null) bits |= UNREADABLE_MARK;
    else if (m) bits |= 1 << k;
  }
  return bits;
}

export type Gender = 'male' | 'female';

const GENDERS: Record<string, Gender> = { nam: 'male', 'nu': 'female', male: 'male', female: 'female', m: 'male', f: 'female', trai: 'male', gai: 'female' };

export function readGender(cells: RowCells, field: Field): Gender | null {
  const v = cells.raw(field);
  if (v === undefined || isBlank(v)) return null;
  const g = GENDERS[cells.memory.fold(cellText(v))];
  if (!g) {
    cells.typeError(field, 'gender');
    return null;
  }
  return g;
}
