import { isBlank } from '../grid/grid.ts';
import { PROVINCE_CODES } from '../standards/index.ts';
import type { RowCells } from './context.ts';
import type { Gender } from './read-fields.ts';

/** Century and gender from the 4th digit of a 12-digit personal ID (Thông tư 07/2016/TT-BCA). */
const CENTURY_DIGIT: Record<string, { century: number; gender: Gender }> = {
  '0': { century: 1900, gender: 'male' },
  '1': { century: 1900, gender: 'female' },
  '2': { century: 2000, gender: 'male' },
  '3': { century: 2000, gender: 'female' },
  '4': { century: 2100, gender: 'male' },
  '5': { century: 2100, gender: 'female' },
  '6': { century: 2200, gender: 'male' },
  '7': { century: 2200, gender: 'female' },
  '8': { century: 1800, gender: 'male' },
  '9': { century: 1800, gender: 'female' },
};

const TWELVE_DIGITS = /^\d{12}$/;

export interface IdFacts {
  birthYear: number | null;
  gender: Gender | null;
}

/**
 * ID.FORMAT, ID.PROVINCE, ID.BIRTH_MISMATCH on one cell. Returns the ID as it should read (with a
 * leading 0 that Excel dropped restored) for duplicate checks, or null when blank or unusable.
 */
export function checkIdNumber(cells: RowCells, field: string, facts: IdFacts): string | null {
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
    digits = TWELVE_DIGITS.test(v) ? v : v.trim().replace(/[\s.\-]/g, '');
  } else {
    cells.issue('ID.FORMAT', field, { params: { length: null } });
    return null;
  }
  if (!/^\d+$/.test(digits)) {
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
  const province = digits.slice(0, 3);
  if (!PROVINCE_CODES.has(province)) {
    cells.issue('ID.PROVINCE', field, { params: { province } });
    return digits;
  }
  const coded = CENTURY_DIGIT[digits.charAt(3)] as { century: number; gender: Gender };
  const idYear = coded.century + Number(digits.slice(4, 6));
  const yearOff = facts.birthYear !== null && facts.birthYear !== idYear;
  const genderOff = facts.gender !== null && facts.gender !== coded.gender;
  if (yearOff || genderOff) {
    cells.issue('ID.BIRTH_MISMATCH', field, {
      params: { idYear, idGender: coded.gender, birthYear: facts.birthYear, gender: facts.gender },
    });
  }
  return digits;
}
