import { describe, expect, it } from 'vitest';
import type { HouseholdCategory } from '../../shared/plans/plan.ts';
import { ChangeTally } from '../../shared/report/changes.ts';
import { idKey, idNumberKey, NO_ID, TEXT_ID } from '../../shared/report/household-key.ts';
import type { HouseholdRecord } from '../../shared/rules/households.ts';

/**
 * Diễn biến from the previous annual list (shared/report/changes.ts): households matched by ID
 * number, else by head name + village between records that do not both carry an ID.
 */

function h(idNumber: string | null, headName: string | null, village: string | null, category: HouseholdCategory | null): HouseholdRecord {
  return {
    sheet: 'DS hộ',
    row: 8,
    householdCode: null,
    headName,
    headBirthYear: null,
    headGender: null,
    idNumber,
    ethnicity: null,
    village,
    planVillage: null,
    size: null,
    category,
    beginningCategory: null,
    income: null,
    b1Score: null,
    b2Score: null,
    deprivations: null,
    deprivationCount: null,
    meritFamily: false,
    noWorkCapacity: false,
    escapedYear: null,
    reasons: [],
  };
}

function tally(previous: readonly HouseholdRecord[], current: readonly HouseholdRecord[]): ReturnType<ChangeTally['finish']> {
  const t = new ChangeTally();
  for (const r of previous) t.previous(r);
  for (const r of current) t.current(r);
  return t.finish(true);
}

describe('idNumberKey', () => {
  it('is idKey as a number for 1–15 digits, read in place; NO_ID and TEXT_ID otherwise', () => {
    expect(idNumberKey('038 000-000.001')).toBe(1_038_000_000_001);
    expect(idNumberKey('038000000001')).toBe(idNumberKey('038 000 000 001'));
    expect(idNumberKey('0')).not.toBe(idNumberKey('00'));
    expect(idNumberKey('999999999999999')).toBe(1_999_999_999_999_999);
    expect(idNumberKey('1234567890123456')).toBe(TEXT_ID);
    expect(idNumberKey('AB-123')).toBe(TEXT_ID);
    expect(idNumberKey(' - / ')).toBe(NO_ID);
    expect(idNumberKey(null)).toBe(NO_ID);
    for (const id of ['038 000-000.001', '1234567890123456', 'AB-123', ' - / ', 'é12']) {
      expect(idKey(id) === null).toBe(idNumberKey(id) === NO_ID);
    }
  });
});

describe('ChangeTally from the previous list', () => {
  it('matches by ID (separators ignored, letters as written), else by head + village, each previous household once', () => {
    const previous = [
      h('038 000 000 001', 'Nguyễn Văn An', 'Thôn 01', 'poor'),
      h(null, 'Lê Thị Bình', 'Thôn 2', 'nearPoor'),
      h('AB-123', 'Trần Văn Cường', 'Thôn 3', 'poor'),
      h('038000000004', 'Phạm Văn Dũng', 'Thôn 4', 'nearPoor'),
      h('038000000004', 'Hoàng Văn Em', 'Thôn 5', 'poor'),
      h(null, 'Lê Thị Bình', 'thôn 2', 'poor'),
      h('038000000007', 'Vũ Văn Giang', 'Thôn 1', 'nearPoor'),
      h('038000000008', 'Ngô Thị Hoa', 'Thôn 1', null),
    ];
    const current = [
      h('038000000001', 'Nguyen Van An', 'Thon 1', 'nearPoor'), // by ID: poor → near-poor
      h('038000000099', 'Lê Thị Bình', 'Thôn 2', 'poor'), // an ID not on the list; by head (no ID there): near-poor → poor
      h(null, 'LÊ THỊ BÌNH', 'Thôn 02', 'newlyEscaped'), // by head, the next one: poor → out
      h('ab123', 'Trần Văn Cường', 'Thôn 3', 'poor'), // another ID than AB123: new poor
      h('AB 123', 'Người khác', 'Thôn 9', 'nearPoor'), // by ID with letters: poor → near-poor
      h('038 000 000 004', 'Hoàng Văn Em', 'Thôn 5', 'newlyEscaped'), // the ID's first household: near-poor → out
      h('038000000004', 'Hoàng Văn Em', 'Thôn 5', 'poor'), // that one taken, both have IDs: new poor
      h(null, 'Hoàng Văn Em', 'Thôn 5', 'nearPoor'), // by head: the second 004, poor → near-poor
    ];
    expect(tally(previous, current)).toEqual({
      basis: 'previousList',
      poorAtStart: 4,
      poorToOut: 1,
      poorToNearPoor: 3,
      nearPoorToPoor: 1,
      newPoor: 2,
      poorAtEnd: 3,
      nearPoorAtStart: 3, // 007 is gone: near-poor → out
      nearPoorToOut: 2,
      newNearPoor: 0,
      nearPoorAtEnd: 3,
      newlyEscaped: 2,
      unknownStart: 0,
    });
  });

  it('keeps thousands of households apart, by ID and by head, whatever the order', () => {
    const n = 3000;
    const record = (i: number, category: HouseholdCategory): HouseholdRecord =>
      h(i % 2 === 0 ? `0${i}` : null, `Hộ ${i}`, `Thôn ${1 + (i % 7)}`, category);
    const previous = Array.from({ length: n }, (_, i) => record(i, i % 3 === 0 ? 'poor' : 'nearPoor'));
    const current = Array.from({ length: n }, (_, k) => record(n - 1 - k, 'newlyEscaped'));
    current.push(h(null, 'Hộ mới', 'Thôn 1', 'poor'), h('0123456', 'Hộ 1', 'Thôn 2', 'nearPoor'));
    expect(tally(previous, current)).toEqual({
      basis: 'previousList',
      poorAtStart: 1000,
      poorToOut: 1000,
      poorToNearPoor: 0,
      nearPoorToPoor: 0,
      newPoor: 1,
      poorAtEnd: 1,
      nearPoorAtStart: 2000,
      nearPoorToOut: 2000,
      newNearPoor: 1,
      nearPoorAtEnd: 1,
      newlyEscaped: 3000,
      unknownStart: 0,
    });
  });
});
