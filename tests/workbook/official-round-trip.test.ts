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
    expect(sheet?.headerRow).toBe(5); // 0-based: Excel row 6
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
