import { describe, expect, it } from 'vitest';
import { GridCells, coveredCells, isDateFormat, numberCell } from '../../shared/xlsx/grid-core.ts';

/** The one cells → Grid core of the .xlsx, .xls/.ods and task pane readers (shared/xlsx/grid-core.ts). */
describe('GridCells', () => {
  it('places values in any order, pads rows, records formats that are not General and the unusual fonts', () => {
    const cells = new GridCells();
    cells.set(2, 3, 'Lò Văn A', undefined, 'Times New Roman');
    cells.set(2, 1, 1, 'General', 'Times New Roman');
    cells.set(3, 2, 45_000, '#,##0', '.VnTime');
    cells.set(3, 1, null, '0', 'Arial');
    cells.set(1, 1, 'DANH SÁCH', undefined, 'Times New Roman');
    expect(cells.build('Hộ nghèo', ['A5:B5'])).toEqual({
      grid: {
        name: 'Hộ nghèo',
        rows: [['DANH SÁCH'], [1, null, 'Lò Văn A'], [null, 45_000], [], []],
        merges: ['A5:B5'],
        numFmts: { B3: '#,##0' },
        fonts: { B3: '.VnTime' },
      },
      usualFont: 'Times New Roman',
    });
    expect(cells.fontsGiven).toBe(4);
  });

  it('reaches a row with no value when told; takes the fonts from fontAt when given, and build can be asked again', () => {
    const cells = new GridCells();
    cells.set(1, 2, 'x', undefined);
    cells.reach(3);
    const fontAt = (row: number, col: number): string | null => (row === 1 && col === 2 ? 'VNI-Times' : null);
    const first = cells.build('S', [], fontAt);
    expect(first).toEqual({ grid: { name: 'S', rows: [[null, 'x'], [], []], merges: [], numFmts: {}, fonts: {} }, usualFont: 'VNI-Times' });
    expect(cells.build('S', [], fontAt)).toEqual(first);
    expect(cells.fontsGiven).toBe(0);
  });
});

describe('coveredCells and the date rule', () => {
  it('covers every cell of a merged area but its top-left', () => {
    expect([...coveredCells(['B2:C3', 'E1:E2'])].sort()).toEqual(['B3', 'C2', 'C3', 'E2']);
  });

  it('a number under a date format is a date; quoted text and [..] sections do not make one', () => {
    expect(numberCell(45_292, 'dd/mm/yyyy')).toEqual({ date: '2024-01-01' });
    expect(numberCell(45_292, '#,##0')).toBe(45_292);
    expect(numberCell(Number.NaN, undefined)).toBeNull();
    expect(isDateFormat('[Red]#,##0 "đồng"')).toBe(false);
    expect(isDateFormat('[$-42A]d mmmm yyyy')).toBe(true);
  });
});
