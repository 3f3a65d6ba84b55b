import { describe, expect, it } from 'vitest';
import { generateHouseholds } from '../../bench/generate.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { checkWorkbook } from '../../addin/check.ts';
import { MARKS_SHEET } from '../../addin/excel/read-workbook.ts';
import { MARK_FILL } from '../../front/cell-marks.ts';
import { SYNC_BUDGET_BYTES } from '../../addin/excel/limits.ts';
import { FakeExcel, PAYLOAD_LIMIT } from './fake-excel.ts';

describe('checking and marking a 10,000-row household sheet with 500 issues', () => {
  it('takes 11 syncs, each well under 5 MB, marks exactly the 500 cells and changes no value', async () => {
    const { grid, planted } = generateHouseholds(10_000, { plantEvery: 20 });
    expect(planted).toHaveLength(500);
    const excel = FakeExcel.fromGrids([grid]);
    const before = excel.valuesSnapshot();

    const outcome = await excel.run((context) =>
      checkWorkbook(context, { lang: 'vi', mappings: {}, notes: true, defaultYear: 2024, planFor: async () => XUAN_HOA_2024 }),
    );

    expect(outcome.result.issues.map((i) => ({ code: i.code, row: i.row }))).toEqual(planted);
    expect(outcome.marks.marked).toBe(500);
    // 10,023 rows × 27 columns: 1 list of sheets + 1 used range, merged areas and stored marks
    // + 7 reads of 14 blocks of 740 rows (19,980 cells; 2 blocks per sync, ~1 MB each)
    // + 1 read of the 500 cells' fills and notes + 1 write of fills, notes and the marks sheet.
    expect(excel.syncs).toBe(11);
    for (const p of excel.payloads) {
      expect(p.request).toBeLessThan(PAYLOAD_LIMIT);
      expect(p.response).toBeLessThan(PAYLOAD_LIMIT);
    }
    expect(Math.max(...excel.payloads.map((p) => Math.max(p.request, p.response)))).toBeLessThan(SYNC_BUDGET_BYTES * 1.5);

    const sheet = excel.sheet(grid.name);
    for (const issue of outcome.result.issues) {
      const a1 = `${issue.column}${issue.row}`;
      expect(sheet.at(a1).fill).toEqual({ pattern: 'Solid', color: MARK_FILL[issue.severity] });
      expect(sheet.notes.get(a1)?.content).toBe(`GNBV: ${issue.message}`);
    }
    expect(sheet.notes.size).toBe(500);
    expect(excel.sheet(MARKS_SHEET).visibility).toBe('VeryHidden');
    expect(excel.valuesSnapshot([MARKS_SHEET])).toEqual(before);
  });

  it('the number of syncs does not grow with the number of issues: 1,000 issues, still 11', async () => {
    const { grid, planted } = generateHouseholds(10_000, { plantEvery: 10 });
    expect(planted).toHaveLength(1000);
    const excel = FakeExcel.fromGrids([grid]);
    const outcome = await excel.run((context) =>
      checkWorkbook(context, { lang: 'vi', mappings: {}, notes: true, defaultYear: 2024, planFor: async () => XUAN_HOA_2024 }),
    );
    expect(outcome.marks.marked).toBe(1000);
    expect(excel.syncs).toBe(11);
  });
});
