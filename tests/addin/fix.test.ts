import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Grid } from '../../shared/grid/grid.ts';
import type { Issue } from '../../shared/issues.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { readGrids } from '../../shared/xlsx/read-spreadsheet.ts';
import { type CheckOutcome, checkWorkbook } from '../../addin/check.ts';
import { applyFix } from '../../addin/excel/cell-actions.ts';
import { MARKS_SHEET } from '../../addin/excel/read-workbook.ts';
import { fixFor } from '../../addin/fixes.ts';
import { SAMPLES_DIR } from '../samples.ts';
import { FakeExcel } from './fake-excel.ts';

const SHEET = 'DS ho ngheo 2024';
let grids: Grid[];
beforeAll(async () => {
  grids = await readGrids(readFileSync(join(SAMPLES_DIR, 'households-classic-errors.xlsx')));
});

async function checked(): Promise<{ excel: FakeExcel; outcome: CheckOutcome }> {
  const excel = FakeExcel.fromGrids(grids);
  const outcome = await excel.run((context) =>
    checkWorkbook(context, { lang: 'vi', mappings: {}, notes: true, defaultYear: 2024, planFor: async () => XUAN_HOA_2024 }),
  );
  return { excel, outcome };
}

function diff(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]).sort();
}

describe('the "Sửa" buttons', () => {
  it('offer a fix only for legacy text and an ID that lost its leading 0', async () => {
    const { outcome } = await checked();
    const fixable = outcome.result.issues.filter((i) => fixFor(i, 'Times New Roman') !== null).map((i) => `${i.code} ${i.column}${i.row}`);
    expect(fixable).toEqual(['CELL.LEGACY_ENCODING B52', 'ID.FORMAT E58']);
  });

  it('legacy text: writes the Unicode text and leaves the .VnTime font for the sheet’s usual one, in that cell only', async () => {
    const { excel, outcome } = await checked();
    const issue = outcome.result.issues.find((i) => i.code === 'CELL.LEGACY_ENCODING') as Issue;
    const fix = fixFor(issue, outcome.sheets[0]?.usualFont ?? null);
    expect(fix).toEqual({ kind: 'unicode', text: 'Lò Văn Tuấn', font: 'Times New Roman' });
    const before = excel.valuesSnapshot([MARKS_SHEET]);
    const marks = excel.marksSnapshot([MARKS_SHEET]);
    await excel.run((context) => applyFix(context, issue, fix!));
    const after = excel.valuesSnapshot([MARKS_SHEET]);
    expect(diff(before, after)).toEqual([`${SHEET}!51,1`]);
    expect(excel.sheet(SHEET).at('B52')).toMatchObject({ value: 'Lò Văn Tuấn', font: 'Times New Roman', numberFormat: 'General' });
    expect(excel.marksSnapshot([MARKS_SHEET])).toEqual(marks);
  });

  it('ID: formats the cell as text and writes the 12 digits, in that cell only', async () => {
    const { excel, outcome } = await checked();
    const issue = outcome.result.issues.find((i) => i.code === 'ID.FORMAT') as Issue;
    const before = excel.valuesSnapshot([MARKS_SHEET]);
    await excel.run((context) => applyFix(context, issue, fixFor(issue, null)!));
    expect(diff(before, excel.valuesSnapshot([MARKS_SHEET]))).toEqual([`${SHEET}!57,4`]);
    expect(excel.sheet(SHEET).at('E58')).toMatchObject({ value: '038158455142', numberFormat: '@' });

    // Checked again, the ID is fine now.
    const again = await excel.run((context) =>
      checkWorkbook(context, { lang: 'vi', mappings: {}, notes: true, defaultYear: 2024, planFor: async () => XUAN_HOA_2024 }),
    );
    expect(again.result.issues.some((i) => i.code === 'ID.FORMAT')).toBe(false);
  });

  it('writes nothing when the cell changed since the check', async () => {
    const { excel, outcome } = await checked();
    const issue = outcome.result.issues.find((i) => i.code === 'ID.FORMAT') as Issue;
    excel.sheet(SHEET).editAt('E58').value = 38158455143;
    const before = excel.valuesSnapshot();
    await expect(excel.run((context) => applyFix(context, issue, fixFor(issue, null)!))).rejects.toMatchObject({ code: 'cellChanged' });
    expect(excel.valuesSnapshot()).toEqual(before);
  });
});
