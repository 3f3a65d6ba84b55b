import { describe, expect, it } from 'vitest';
import type { Grid } from '../../shared/grid/grid.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { readSheets, titlePeriod, validateWorkbook } from '../../shared/validate.ts';
import { household, householdSheet, progressSheet, sheet } from './grid-builder.ts';

/**
 * The period a title names, found by the header detection the check itself uses: read once
 * (readSheets), asked for its period (titlePeriod), then validated without reading again.
 */
const NOTES: Grid = sheet(['Ghi chú'], [['Không phải bảng']], { name: 'Ghi chú', titleLines: ['GHI CHÚ NĂM 2023'] });
const QUARTER: Grid = progressSheet([], { titleLines: ['BÁO CÁO KẾT QUẢ QUÝ II NĂM 2025', 'ĐVT: triệu đồng'] });
const YEAR: Grid = householdSheet([household(1), household(2, { size: 0 })]);

describe('titlePeriod', () => {
  it("is the first table's period, in sheet order; a sheet with no table names none", () => {
    expect(titlePeriod(readSheets([{ grid: NOTES }, { grid: YEAR }, { grid: QUARTER }]))).toBe('2024-Y');
    expect(titlePeriod(readSheets([{ grid: QUARTER }, { grid: YEAR }]))).toBe('2025-Q2');
    expect(titlePeriod(readSheets([{ grid: NOTES }]))).toBeNull();
    expect(titlePeriod(readSheets([]))).toBeNull();
  });

  it('is the period validateWorkbook takes when none is given', () => {
    const inputs = [{ grid: NOTES }, { grid: QUARTER }, { grid: YEAR }];
    expect(validateWorkbook(inputs, { plan: XUAN_HOA_2024 }).period).toBe(titlePeriod(readSheets(inputs)));
  });
});

describe('validateWorkbook on sheets already read', () => {
  it('gives exactly what it gives on the grids', () => {
    const inputs = [{ grid: NOTES }, { grid: YEAR }, { grid: QUARTER }];
    const options = { plan: XUAN_HOA_2024, period: '2024-Y' as const, keepRecords: true };
    const fromGrids = validateWorkbook(inputs, options);
    const fromRead = validateWorkbook(readSheets(inputs), options);
    expect(fromRead.issues.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(fromRead))).toEqual(JSON.parse(JSON.stringify(fromGrids)));
  });

  it('can check the same sheets again, under another period, as often as asked', () => {
    const inputs = [{ grid: YEAR }];
    const read = readSheets(inputs);
    for (const period of ['2024-Y', '2024-H1', '2024-Y'] as const) {
      const again = validateWorkbook(read, { plan: XUAN_HOA_2024, period });
      expect(JSON.parse(JSON.stringify(again))).toEqual(JSON.parse(JSON.stringify(validateWorkbook(inputs, { plan: XUAN_HOA_2024, period }))));
    }
  });
});
