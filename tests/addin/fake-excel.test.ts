import { describe, expect, it } from 'vitest';
import type { CellValue, Grid } from '../../shared/grid/grid.ts';
import { readWorkbook } from '../../addin/excel/read-workbook.ts';
import { FakeExcel, PAYLOAD_LIMIT } from './fake-excel.ts';

function oneSheet(): FakeExcel {
  const excel = new FakeExcel();
  const s = excel.addSheet('Trang 1');
  s.editAt('A1').value = 'Họ và tên';
  s.editAt('B2').value = 42;
  return excel;
}

describe('the stand-in for Excel is strict', () => {
  it('a property that was not loaded, or is read before the sync, throws PropertyNotLoaded', async () => {
    const excel = oneSheet();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Trang 1').getRange('A1:B2');
      range.load('values');
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(range.values).toEqual([['Họ và tên', ''], ['', 42]]);
      expect(() => range.numberFormat).toThrow(/PropertyNotLoaded/);
      expect(() => range.format.fill.color).toThrow(/PropertyNotLoaded/);
    });
  });

  it('a proxy from another request context (or an ended Excel.run) throws', async () => {
    const excel = oneSheet();
    let kept: unknown;
    await excel.run(async (context) => {
      kept = context.workbook.worksheets.getItem('Trang 1').getRange('A1');
      await context.sync();
    });
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Trang 1');
      expect(() => ws.notes.add(kept, 'x')).toThrow(/InvalidRequestContext/);
      expect(() => (kept as { load(p: string): void }).load('values')).toThrow(/InvalidRequestContext/);
    });
  });

  it('null objects: isNullObject after the sync; anything but load on one fails the sync', async () => {
    const excel = oneSheet();
    await excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Không có');
      expect(() => missing.isNullObject).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      missing.getRange('A1').select();
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });

  it('refuses a sync over 5 MB, applies none of it, and counts it', async () => {
    const excel = oneSheet();
    const big = Array.from({ length: 1000 }, () => ['x'.repeat(6000)]);
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Trang 1').getRange('C1:C1000');
      range.numberFormat = big.map(() => ['@']);
      range.values = big;
      await expect(context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    });
    expect(excel.syncs).toBe(1);
    expect(excel.sheet('Trang 1').at('C1').value).toBeNull();
    expect(excel.payloads[0]?.request).toBeGreaterThan(PAYLOAD_LIMIT);
  });

  it('text starting with "=" written into a cell not formatted as text is a formula, which the fake refuses', async () => {
    const excel = oneSheet();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Trang 1').getRange('C1').values = [['=1+1']];
      await expect(context.sync()).rejects.toMatchObject({ code: 'FakeFormulaWritten' });
    });
  });
});

describe('reading under the payload limit', () => {
  it('a block Excel refuses as too large is split and read again; the grid is complete', async () => {
    // 3,000 rows × 3 columns of 800-character text: ~7 MB, over the limit in one response.
    const rows: CellValue[][] = [['Họ và tên', 'Ghi chú', 'Thôn']];
    for (let r = 0; r < 3000; r++) rows.push([`Người ${r}`, `${r} `.padEnd(800, 'x'), `Thôn ${(r % 7) + 1}`]);
    const grid: Grid = { name: 'Dài', rows, merges: [], numFmts: {}, fonts: {} };
    const excel = FakeExcel.fromGrids([grid]);
    const read = await excel.run((context) => readWorkbook(context));
    expect(read.sheets[0]?.grid).toEqual(grid);
    expect(Math.max(...excel.payloads.map((p) => p.response))).toBeLessThan(PAYLOAD_LIMIT);
  });

  it('a sheet with more than 512 merged areas gets them block by block', async () => {
    const rows: CellValue[][] = [['STT', 'Họ và tên', null, 'Thôn']];
    const merges = ['B1:C1'];
    for (let r = 2; r <= 600; r++) {
      rows.push([r - 1, `Người ${r}`, null, 'Thôn 1']);
      merges.push(`B${r}:C${r}`);
    }
    const grid: Grid = { name: 'Gộp ô', rows, merges, numFmts: {}, fonts: {} };
    const excel = FakeExcel.fromGrids([grid]);
    const read = await excel.run((context) => readWorkbook(context));
    expect(read.sheets[0]?.grid).toEqual(grid);
  });
});
