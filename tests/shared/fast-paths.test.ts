import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../shared/grid/grid.ts';
import { isBlank } from '../../shared/grid/grid.ts';
import { numberTextTheLongWay, parseMark, parseNumber, parseYearOrDate } from '../../shared/grid/values.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { mayBeLegacy } from '../../shared/rules/context.ts';
import { IdOccurrences } from '../../shared/rules/id-number.ts';
import { KIND_LIST } from '../../shared/kinds/index.ts';
import { labelScore, leadOf, normalizeLabel } from '../../shared/table/labels.ts';
import { detectLegacyEncoding } from '../../shared/text/legacy-encoding.ts';
import { validateWorkbook } from '../../shared/validate.ts';
import { HOUSEHOLD_FIELDS, household, householdSheet } from './grid-builder.ts';
import { prng } from '../../bench/prng.ts';

/**
 * The engine's hot paths (npm run bench) read cells without allocating; each is checked here
 * against the plain version it stands in front of, on every shape the plain version knows.
 */

function randomText(rnd: () => number, alphabet: readonly string[], maxLength: number): string {
  const n = Math.floor(rnd() * (maxLength + 1));
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
  return s;
}

/** The long way, which the no-allocation path stands in front of (the reference). */
function referenceParseNumber(v: string): number | null {
  const n = numberTextTheLongWay(v);
  return Number.isNaN(n) ? null : n;
}

const valueOf = (v: CellValue | undefined): number | null => {
  const p = parseNumber(v);
  return p.ok ? p.value : null;
};

describe('number text read without allocating', () => {
  it('reads the common shapes', () => {
    expect(valueOf('1500000')).toBe(1_500_000);
    expect(valueOf('1.500.000')).toBe(1_500_000);
    expect(valueOf('1,500,000')).toBe(1_500_000);
    expect(valueOf('1.500')).toBe(1_500);
    expect(valueOf('0.500')).toBe(0.5);
    expect(valueOf('00.500')).toBe(500);
    expect(valueOf('1.50')).toBe(1.5);
    expect(valueOf('1.500,5')).toBe(1_500.5);
    expect(valueOf('1.500.00')).toBeNull();
    expect(valueOf('1.500,000.5')).toBeNull();
    expect(valueOf(' 2,5 ')).toBe(2.5);
    expect(valueOf('1.500.000đ')).toBe(1_500_000);
    expect(valueOf('(1.500)')).toBe(-1_500);
    expect(valueOf('')).toBeNull();
    expect(valueOf('.')).toBeNull();
    expect(valueOf('123456789012345678')).toBe(123456789012345678);
  });

  it('gives the reference answer on 20,000 strings of digits, separators, signs and spaces', () => {
    const rnd = prng(42);
    const alphabet = ['0', '1', '5', '9', '0', '3', '.', ',', '.', ' ', '-', '+', '(', ')', 'đ', 'a', '\u00A0'];
    for (let k = 0; k < 20_000; k++) {
      const s = randomText(rnd, alphabet, 12);
      expect(valueOf(s), JSON.stringify(s)).toBe(referenceParseNumber(s));
    }
  });

  it('gives the reference answer on every grouping of up to 12 digits', () => {
    const rnd = prng(7);
    for (let k = 0; k < 5_000; k++) {
      const digits = randomText(rnd, ['0', '1', '2', '7', '9'], 12) || '0';
      const sep = rnd() < 0.5 ? '.' : ',';
      // Cut the digits at random places: sometimes real thousands groups, sometimes not.
      let s = '';
      for (let i = 0; i < digits.length; i++) {
        if (i > 0 && (rnd() < 0.2 || (digits.length - i) % 3 === 0) && rnd() < 0.7) s += sep;
        s += digits[i];
      }
      expect(valueOf(s), s).toBe(referenceParseNumber(s));
    }
  });

  it('reads a year written alone as one shared, frozen answer', () => {
    const a = parseYearOrDate(1985);
    const b = parseYearOrDate(' 1985 ');
    expect(a).toEqual({ ok: true, value: { year: 1985, date: null } });
    expect(a.ok && b.ok && a.value === b.value).toBe(true);
    expect(a.ok && Object.isFrozen(a.value)).toBe(true);
    expect(parseYearOrDate('03/1985')).toEqual({ ok: true, value: { year: 1985, date: null } });
    expect(parseYearOrDate('15/03/1985')).toEqual({ ok: true, value: { year: 1985, date: '1985-03-15' } });
  });
});

describe('blank cells', () => {
  it('counts empty, spaces, tabs, line breaks and no-break spaces as blank, and nothing else', () => {
    for (const v of [undefined, null, '', ' ', '   ', '\t', '\n', '\u00A0', ' \u3000 ']) expect(isBlank(v), JSON.stringify(v)).toBe(true);
    for (const v of ['x', ' x', 'x ', '\u00A0x', 'Đ', 0, false, { date: '2024-01-01' }]) {
      expect(isBlank(v as CellValue), JSON.stringify(v)).toBe(false);
    }
  });
});

describe('the look before legacy-encoding detection', () => {
  const FONTS = [null, '.VnTime', '.VnTimeH', 'VNI-Times', 'Times New Roman'];

  it('never rules out a text that the detector would flag', () => {
    const rnd = prng(11);
    const alphabet = [
      ...'abcdeghiklmnopqrstuvxyABCDNT ',
      // Unicode Vietnamese, NFC and NFD
      ...'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐ',
      '\u0300',
      '\u0301',
      '\u0303',
      '\u0309',
      '\u0323',
      // TCVN3 and VNI bytes read as Latin-1
      ...'¡¢£¤¥¦§¨©ª«¬\u00AD®µ¶·¸¹»¼½¾ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞßâãäåæçèéêëìíîïñòóôõö÷øùúûüýþ',
      ...'øùûõïêèéúüëâàáåãäÖÔÑ',
      '\u212A',
    ];
    let flagged = 0;
    for (let k = 0; k < 20_000; k++) {
      const s = randomText(rnd, alphabet, 14);
      const font = FONTS[k % FONTS.length] ?? null;
      const detected = detectLegacyEncoding(s.normalize('NFC'), font);
      if (detected !== null) flagged++;
      if (!mayBeLegacy(s)) expect(detected, `${JSON.stringify(s)} in ${font}`).toBeNull();
    }
    expect(flagged).toBeGreaterThan(1_000);
  });

  it('stops at a letter only Unicode Vietnamese has, and at pure ASCII', () => {
    expect(mayBeLegacy('Nguyễn Văn An')).toBe(false);
    expect(mayBeLegacy('Thôn 1')).toBe(true);
    expect(mayBeLegacy('Lß V¨n TuÊn')).toBe(true);
    expect(mayBeLegacy('038095001234')).toBe(false);
  });
});

describe('header aliases looked up by their leading run', () => {
  it('never misses a match: a label an alias matches starts with the same run of letters and digits', () => {
    const aliases = KIND_LIST.flatMap((k) => k.fields.flatMap((f) => [...f.headers, ...(f.under ?? []), ...(f.sub ?? [])])).map(normalizeLabel);
    const rnd = prng(11);
    const tails = ['', ' ', '/', '-', '.', ' (đồng)', 'a', '1', ' chủ hộ', ',x', 'ư'];
    let matches = 0;
    for (const alias of aliases) {
      for (let k = 0; k < 20; k++) {
        const label = normalizeLabel(alias + (tails[Math.floor(rnd() * tails.length)] as string) + randomText(rnd, ['a', ' ', '/', '1', 'đ'], 4));
        const other = aliases[Math.floor(rnd() * aliases.length)] as string;
        for (const a of [alias, other]) {
          if (labelScore(label, a) > 0) {
            matches++;
            expect(leadOf(label), `${JSON.stringify(label)} / ${JSON.stringify(a)}`).toBe(leadOf(a));
          }
        }
      }
    }
    expect(matches).toBeGreaterThan(aliases.length * 5);
  });
});

describe('12-digit IDs read in one pass', () => {
  it('give the issues the digits-as-written path gives, on random IDs', () => {
    const rnd = prng(17);
    const digits = (n: number): string => Array.from({ length: n }, () => String(Math.floor(rnd() * 10))).join('');
    const ids = Array.from({ length: 600 }, (_, k) => {
      const province = rnd() < 0.7 ? ['001', '038', '079', '096'][k % 4] : digits(3);
      const id = `${province}${digits(9)}`;
      // Some repeats, so ID.DUPLICATE is compared too.
      return k > 10 && rnd() < 0.05 ? `${province}${id.slice(3)}` : id;
    });
    const rows = ids.map((id, k) => household(k % 40, { idNumber: id }));
    const spaced = ids.map((id, k) => household(k % 40, { idNumber: `${id.slice(0, 3)} ${id.slice(3, 6)} ${id.slice(6)}` }));
    const options = { plan: XUAN_HOA_2024, reportDate: '2024-12-31' } as const;
    const plain = validateWorkbook([{ grid: householdSheet(rows) }], { ...options, keepRecords: true });
    const written = validateWorkbook([{ grid: householdSheet(spaced) }], { ...options, keepRecords: true });
    const shape = (r: typeof plain) => r.issues.map((i) => ({ code: i.code, row: i.row, params: i.params, expected: i.expected }));
    expect(shape(plain)).toEqual(shape(written));
    expect(plain.issues.length).toBeGreaterThan(100);
    expect(plain.households.map((h) => h.idNumber)).toEqual(written.households.map((h) => h.idNumber));
  });
});

describe('repeated IDs', () => {
  it('are found as a Map finds them, past the first capacity, with 9- and 12-digit IDs of the same digits apart', () => {
    const rnd = prng(3);
    const ids = new IdOccurrences(4);
    const firstRows = new Map<string, number>();
    const expected: { row: number; firstRow: number }[] = [];
    for (let row = 1; row <= 30_000; row++) {
      const twelve = rnd() < 0.8;
      const n = Math.floor(rnd() * (twelve ? 20_000 : 3_000));
      const id = twelve ? `0380${String(n).padStart(8, '0')}` : String(n).padStart(9, '0');
      const firstRow = firstRows.get(id);
      if (firstRow === undefined) firstRows.set(id, row);
      else expected.push({ row, firstRow });
      ids.add(id, row);
    }
    expect(expected.length).toBeGreaterThan(1_000);
    expect(ids.repeats()).toEqual(expected);

    const apart = new IdOccurrences();
    for (const [id, row] of [['000000001', 5], ['000000000001', 6], ['000000001', 7], ['000000000001', 8], ['000000001', 9], ['999999999999', 10]] as const) apart.add(id, row);
    expect(apart.repeats()).toEqual([
      { row: 7, firstRow: 5 },
      { row: 8, firstRow: 6 },
      { row: 9, firstRow: 5 },
    ]);
    expect(new IdOccurrences().repeats()).toEqual([]);
  });
});

describe('indicator marks read straight from the row', () => {
  it('give, row by row, what reading each cell gives: the marks, and CELL.TYPE on each cell that is not one', () => {
    const rnd = prng(23);
    const ids = Array.from({ length: 12 }, (_, i) => `D${String(i + 1).padStart(2, '0')}`);
    const fields = [...HOUSEHOLD_FIELDS, ...ids];
    const firstMark = HOUSEHOLD_FIELDS.length; // 0-based column of D01
    // Mostly empty or x, as lists are; the rest is what the careful reading is there for.
    const pool: CellValue[] = [null, null, null, null, 'x', 'x', 'x', 'X', '✓', 1, 0, 'có', ' ', 'y', '?', ''];
    const rows = Array.from({ length: 400 }, (_, k) =>
      household(k % 40, {
        // A row with an issue already (a required cell left empty) takes the careful reading too.
        ...(rnd() < 0.1 ? { headName: null } : {}),
        ...Object.fromEntries(ids.map((id) => [id, rnd() < 0.7 ? null : (pool[Math.floor(rnd() * pool.length)] ?? null)])),
      }),
    );
    const grid = householdSheet(rows, { fields });
    // Some rows end early: their last indicator cells are not there at all.
    const dataStart = grid.rows.length - rows.length;
    for (let k = 0; k < rows.length; k += 9) {
      const row = grid.rows[dataStart + k] as CellValue[];
      grid.rows[dataStart + k] = row.slice(0, firstMark + (k % 12));
    }

    const result = validateWorkbook([{ grid }], { plan: XUAN_HOA_2024, reportDate: '2024-12-31', keepRecords: true });
    const expectedTypes: string[] = [];
    const expectedMarks: (string[] | null)[] = [];
    for (let k = 0; k < rows.length; k++) {
      const cells = grid.rows[dataStart + k] as CellValue[];
      const marked: string[] = [];
      let bad = false;
      ids.forEach((id, i) => {
        const p = parseMark(cells[firstMark + i]);
        if (!p.ok) {
          bad = true;
          expectedTypes.push(`${dataStart + k + 1}:${id}`);
        } else if (p.value) marked.push(id);
      });
      expectedMarks.push(bad ? null : marked);
    }
    const types = result.issues.filter((i) => i.code === 'CELL.TYPE' && ids.includes(i.field ?? '')).map((i) => `${i.row}:${i.field}`);
    expect(types).toEqual(expectedTypes);
    expect(types.length).toBeGreaterThan(20);
    expect(result.households.map((h) => h.deprivations)).toEqual(expectedMarks);
    expect(result.issues.filter((i) => i.code === 'CELL.REQUIRED').length).toBeGreaterThan(20);
  });
});

describe('household records when only checking', () => {
  const sheet = householdSheet([
    household(0),
    household(1, { category: 'Hộ cận nghèo' }),
    household(2, { village: 'Thôn 99' }),
    household(3, { size: 'năm' }),
    household(1),
  ]);
  const options = { plan: XUAN_HOA_2024, reportDate: '2024-12-31' } as const;

  it('are the same records, built again on the first read, as those kept during the check', () => {
    const kept = validateWorkbook([{ grid: sheet }], { ...options, keepRecords: true });
    const later = validateWorkbook([{ grid: sheet }], options);
    expect(later.issues).toEqual(kept.issues);
    const first = later.households;
    expect(first).toEqual(kept.households);
    expect(first.map((h) => h.row)).toEqual([5, 6, 7, 8, 9]);
    expect(later.households).toBe(first);
  });

  it('are an own property that spreading and JSON see', () => {
    const result = validateWorkbook([{ grid: sheet }], options);
    expect(Object.keys(result)).toContain('households');
    expect((JSON.parse(JSON.stringify(result)) as { households: unknown[] }).households).toHaveLength(5);
    expect({ ...result }.households).toBe(result.households);
  });

  it('share one frozen list per set of marks', () => {
    const result = validateWorkbook([{ grid: sheet }], { ...options, keepRecords: true });
    const [a, b] = result.households;
    expect(a?.reasons).toBe(b?.reasons);
    expect(Object.isFrozen(a?.reasons)).toBe(true);
  });
});
