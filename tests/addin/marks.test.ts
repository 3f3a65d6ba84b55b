import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Grid } from '../../shared/grid/grid.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { readGrids } from '../../shared/xlsx/read-spreadsheet.ts';
import { type CheckOutcome, checkWorkbook } from '../../addin/check.ts';
import { clearMarks } from '../../addin/excel/marks.ts';
import { MARKS_SHEET } from '../../addin/excel/read-workbook.ts';
import { MARK_FILL } from '../../front/cell-marks.ts';
import { SAMPLES_DIR } from '../samples.ts';
import { FakeExcel } from './fake-excel.ts';

const SHEET = 'DS ho ngheo 2024';
let grids: Grid[];
beforeAll(async () => {
  grids = await readGrids(readFileSync(join(SAMPLES_DIR, 'households-classic-errors.xlsx')));
});

/** The sample with fills and notes the officer already had, on issue cells and elsewhere. */
function officerWorkbook(): FakeExcel {
  const excel = FakeExcel.fromGrids(grids);
  const s = excel.sheet(SHEET);
  s.editAt('B32').fill = { pattern: 'Solid', color: '#DDEBF7' }; // CELL.REQUIRED, blue
  s.notes.set('B32', { content: 'Chưa có tên, hỏi trưởng thôn', author: 'Lan' });
  s.editAt('J13').fill = { pattern: 'Gray25', color: '#FFFF00', patternColor: '#FF0000' }; // CELL.TYPE, a pattern fill
  s.notes.set('H18', { content: 'Kiểm tra lại số khẩu', author: 'Lan' }); // HH.SIZE_RANGE, note only
  s.editAt('A20').fill = { pattern: 'Solid', color: '#E2EFDA' }; // no issue here
  s.notes.set('C9', { content: 'Ghi chú tiêu đề', author: 'Lan' }); // no issue here
  return excel;
}

const check = (excel: FakeExcel, notes = true): Promise<CheckOutcome> =>
  excel.run((context) => checkWorkbook(context, { lang: 'vi', mappings: {}, notes, defaultYear: 2024, planFor: async () => XUAN_HOA_2024 }));

describe('marks', () => {
  it('fills every issue cell and adds the message to its note, keeping the officer’s note first', async () => {
    const excel = officerWorkbook();
    const outcome = await check(excel);
    const s = excel.sheet(SHEET);
    const cellIssues = outcome.result.issues.filter((i) => i.row !== null && i.column !== null);
    expect(outcome.marks.marked).toBe(new Set(cellIssues.map((i) => `${i.column}${i.row}`)).size);
    for (const i of cellIssues) expect(s.at(`${i.column}${i.row}`).fill).toEqual({ pattern: 'Solid', color: MARK_FILL[i.severity] });
    const required = cellIssues.find((i) => i.code === 'CELL.REQUIRED');
    expect(s.notes.get('B32')?.content).toBe(`Chưa có tên, hỏi trưởng thôn\n\nGNBV: ${required?.message}`);
    const legacy = cellIssues.find((i) => i.code === 'CELL.LEGACY_ENCODING');
    expect(s.at('B52').fill.color).toBe('#FFEB9C');
    expect(s.notes.get('B52')?.content).toBe(`GNBV: ${legacy?.message}`);
    expect(s.at('A20').fill).toEqual({ pattern: 'Solid', color: '#E2EFDA' });
    expect(s.notes.get('C9')?.content).toBe('Ghi chú tiêu đề');
  });

  it('survive save and reopen; "Xoá đánh dấu" then restores exactly the fills and notes there were, in 4 syncs', async () => {
    const excel = officerWorkbook();
    const values = excel.valuesSnapshot();
    const before = excel.marksSnapshot();
    await check(excel);
    const marked = excel.marksSnapshot();
    await check(excel); // checking again keeps the originals, not our own marks
    expect(excel.marksSnapshot()).toEqual(marked);

    const reopened = excel.reopen();
    expect(reopened.marksSnapshot()).toEqual(marked);
    const syncs = reopened.syncs;
    const cleared = await reopened.run((context) => clearMarks(context, { notes: true }));
    expect(reopened.syncs - syncs).toBe(4);
    expect(cleared.restored).toBeGreaterThan(0);
    expect(reopened.marksSnapshot()).toEqual(before);
    expect(reopened.valuesSnapshot()).toEqual(values);
    expect(reopened.sheets.map((s) => s.name)).toEqual([SHEET]);
  });

  it('a cell fixed between two checks loses its mark on the second check; the others keep theirs', async () => {
    const excel = officerWorkbook();
    await check(excel);
    const s = excel.sheet(SHEET);
    s.editAt('H18').value = 4; // HH.SIZE_RANGE fixed by the officer
    await check(excel);
    expect(s.at('H18').fill).toEqual({ pattern: 'None' });
    expect(s.notes.get('H18')?.content).toBe('Kiểm tra lại số khẩu');
    expect(s.at('J13').fill.color).toBe('#FFC7CE');
  });

  it('a mark the officer changed is left as the officer made it', async () => {
    const excel = officerWorkbook();
    await check(excel);
    const s = excel.sheet(SHEET);
    s.editAt('J13').fill = { pattern: 'Solid', color: '#00B050' };
    s.notes.get('B32')!.content = 'Đã hỏi, chờ trả lời';
    await excel.run((context) => clearMarks(context, { notes: true }));
    expect(s.at('J13').fill).toEqual({ pattern: 'Solid', color: '#00B050' });
    expect(s.notes.get('B32')?.content).toBe('Đã hỏi, chờ trả lời');
    expect(s.at('B32').fill).toEqual({ pattern: 'Solid', color: '#DDEBF7' });
    expect(s.notes.get('H18')?.content).toBe('Kiểm tra lại số khẩu');
  });

  it('without notes (ExcelApi below 1.18) only fills change, and clearing restores them', async () => {
    const excel = officerWorkbook();
    const before = excel.marksSnapshot();
    const notesBefore = [...excel.sheet(SHEET).notes.entries()];
    await check(excel, false);
    expect([...excel.sheet(SHEET).notes.entries()]).toEqual(notesBefore);
    expect(excel.sheet(SHEET).at('J13').fill.color).toBe('#FFC7CE');
    await excel.run((context) => clearMarks(context, { notes: false }));
    expect(excel.marksSnapshot()).toEqual(before);
  });

  it('clearing a workbook without marks takes one sync and changes nothing', async () => {
    const excel = officerWorkbook();
    const before = excel.marksSnapshot();
    const result = await excel.run((context) => clearMarks(context, { notes: true }));
    expect(result).toEqual({ marked: 0, restored: 0 });
    expect(excel.syncs).toBe(1);
    expect(excel.marksSnapshot()).toEqual(before);
  });

  it('keeps what to restore on a very hidden sheet that the engine does not read', async () => {
    const excel = officerWorkbook();
    const first = await check(excel);
    expect(excel.sheet(MARKS_SHEET).visibility).toBe('VeryHidden');
    const second = await check(excel);
    expect(second.result.sheets.map((s) => s.name)).toEqual([SHEET]);
    expect(second.result.issues).toEqual(first.result.issues);
  });
});
