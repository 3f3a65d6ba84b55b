import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Grid } from '../../shared/grid/grid.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import type { HouseholdRecord } from '../../shared/rules/households.ts';
import { validateWorkbook } from '../../shared/validate.ts';
import { readSpreadsheet } from '../../shared/xlsx/read-spreadsheet.ts';
import { type WorkbookSource, writeDistrictWorkbook } from '../../worker/workbook/index.ts';
import { SAMPLES_DIR, sampleGrids } from '../samples.ts';
import { collect } from './read-back.ts';

/**
 * The official layout's household lists back through the engine: the demo commune Xuân Hoà's clean
 * sample, checked as the Worker checks a submission (its records kept), written as a one-commune
 * official workbook, read with the product's reader and checked again against the same plan. The
 * lists must be recognised as household lists, every written column mapped to a field, and clean
 * data must stay clean.
 */

const PERIOD = '2024-Y';
let records: HouseholdRecord[];
let grids: Grid[];

beforeAll(async () => {
  const sample = await sampleGrids(join(SAMPLES_DIR, 'workbook-xuan-hoa-2024-clean.xlsx'));
  const checked = validateWorkbook(sample.map((grid) => ({ grid })), { plan: XUAN_HOA_2024, period: PERIOD, keepRecords: true });
  expect(checked.ok).toBe(true);
  records = checked.households;
  const source: WorkbookSource = {
    region: { id: 'tho-xuan', name: 'Thọ Xuân', level: 'district' },
    period: PERIOD,
    generatedAt: new Date('2024-12-20T01:30:00Z'),
    communes: [{ id: XUAN_HOA_2024.commune.id, name: XUAN_HOA_2024.commune.name, plan: XUAN_HOA_2024, submissions: [], missing: [] }],
    households: async function* () {
      yield records;
    },
    previousHouseholds: async function* () {},
    beneficiaries: async function* () {},
    progress: async function* () {},
  };
  grids = (await readSpreadsheet(await collect(writeDistrictWorkbook(source, 'official')))).grids;
});

function grid(name: string): Grid {
  const g = grids.find((x) => x.name === name);
  if (!g) throw new Error(`no sheet ${name}: ${grids.map((x) => x.name).join(', ')}`);
  return g;
}

/** The letters of the columns a sheet's header row writes (row `headerRow`, 1-based). */
function writtenColumns(g: Grid, headerRow: number): string[] {
  const header = g.rows[headerRow - 1] ?? [];
  return header.flatMap((v, i) => (v === null || v === '' ? [] : [String.fromCharCode(65 + i)]));
}

describe('official household lists through the engine', () => {
  it('DS hộ nghèo, cận nghèo: a household list, every column mapped, no error on clean data', () => {
    const g = grid('DS hộ nghèo, cận nghèo');
    const result = validateWorkbook([{ grid: g }], { plan: XUAN_HOA_2024, period: PERIOD });
    const sheet = result.sheets[0];
    expect(sheet?.kind).toBe('households');
    expect(sheet?.headerRow).toBe(6); // Excel row 6: the line above it is the subtitle, no group header
    expect(sheet?.headerRows).toBe(1);
    const mapped = new Set(Object.values(sheet?.columns ?? {}));
    const unmapped = writtenColumns(g, 6).filter((c) => !mapped.has(c)).map((c) => `${c} "${String(g.rows[5]?.[c.charCodeAt(0) - 65])}"`);
    expect(unmapped).toEqual([]);
    expect(sheet?.dataRows).toBe(records.filter((h) => h.category === 'poor' || h.category === 'nearPoor').length);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('DS hộ thoát nghèo: a household list whose title gives the category, every column mapped, no error on clean data', () => {
    const g = grid('DS hộ thoát nghèo');
    const result = validateWorkbook([{ grid: g }], { plan: XUAN_HOA_2024, period: PERIOD });
    const sheet = result.sheets[0];
    expect(sheet?.kind).toBe('households');
    const mapped = new Set(Object.values(sheet?.columns ?? {}));
    const unmapped = writtenColumns(g, 6).filter((c) => !mapped.has(c)).map((c) => `${c} "${String(g.rows[5]?.[c.charCodeAt(0) - 65])}"`);
    expect(unmapped).toEqual([]);
    expect(sheet?.dataRows).toBe(records.filter((h) => h.category === 'newlyEscaped').length);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('official summary forms through the engine', () => {
  const SUMMARY_SHEETS = ['Tổng hợp KQ rà soát', 'Thiếu hụt hộ nghèo', 'Thiếu hụt hộ cận nghèo'];
  const LISTS = ['DS hộ nghèo, cận nghèo', 'DS hộ thoát nghèo'];

  it('Tổng hợp KQ rà soát and the deprivation reports: summary tables, every column mapped, no issue against the lists written with them', () => {
    const result = validateWorkbook([...SUMMARY_SHEETS, ...LISTS].map((name) => ({ grid: grid(name) })), { plan: XUAN_HOA_2024, period: PERIOD });
    for (const name of SUMMARY_SHEETS) {
      const sheet = result.sheets.find((s) => s.name === name);
      expect(sheet?.kind).toBe('summary');
      expect(sheet?.headerRow).toBe(6);
      expect(sheet?.headerRows).toBe(2);
      expect(sheet?.dataRows).toBe(1); // the one commune; its total row is no data row
      const mapped = new Set(Object.values(sheet?.columns ?? {}));
      const g = grid(name);
      // The header's two rows: a column is written when either row names it.
      const written = [...new Set([...writtenColumns(g, 6), ...writtenColumns(g, 7)])];
      expect(written.filter((c) => !mapped.has(c))).toEqual([]);
    }
    expect(result.sheets.find((s) => s.name === 'Tổng hợp KQ rà soát')?.columns).toEqual({
      seq: 'A',
      place: 'B',
      totalHouseholds: 'C',
      poor: 'D',
      poorRate: 'E',
      nearPoor: 'F',
      nearPoorRate: 'G',
      newlyEscaped: 'H',
      newlyEscapedRate: 'I',
    });
    expect(result.issues).toEqual([]);
  });

  it('a figure changed in the written summary is found: its total, its rate and the list disagree', () => {
    const g = grid('Tổng hợp KQ rà soát');
    const changed: Grid = { ...g, rows: g.rows.map((r, i) => (i === 8 ? r.map((v, c) => (c === 3 && typeof v === 'number' ? v + 1 : v)) : r)) };
    const result = validateWorkbook([changed, ...LISTS.map(grid)].map((x) => ({ grid: x })), { plan: XUAN_HOA_2024, period: PERIOD });
    const poor = records.filter((h) => h.category === 'poor').length;
    expect(result.issues.map((i) => [i.code, i.row, i.column, i.value, i.expected])).toEqual([
      ['SUM.LIST_MISMATCH', 9, 'D', poor + 1, poor],
      ['SUM.RATE', 9, 'E', g.rows[8]?.[4] ?? null, Math.round(((poor + 1) / XUAN_HOA_2024.totalHouseholds) * 10_000) / 100],
      ['SUM.TOTAL', 10, 'D', poor, poor + 1],
    ]);
  });
});
