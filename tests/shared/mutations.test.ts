import { describe, expect, it } from 'vitest';
import type { CellValue, Grid } from '../../shared/grid/grid.ts';
import { columnLetters, columnNumber, parseRange } from '../../shared/grid/address.ts';
import { validateWorkbook } from '../../shared/validate.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import type { Issue } from '../../shared/issues.ts';
import { loadSamples, sampleGrids } from '../samples.ts';

/**
 * The same sheet edited the ways officers' sheets differ must give the same findings, with rows and
 * columns shifted accordingly.
 */
type Finding = { code: string; sheet: string; row: number | null; column: string | null };

function findings(grids: readonly Grid[], date: string): Finding[] {
  const result = validateWorkbook(grids.map((grid) => ({ grid })), { plan: XUAN_HOA_2024, reportDate: date });
  return result.issues.map((i: Issue) => ({ code: i.code, sheet: i.sheet, row: i.row, column: i.column }));
}

function sorted(list: Finding[]): Finding[] {
  return [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

function remapAddresses(grid: Grid, map: (row: number, col: number) => [number, number]): Pick<Grid, 'merges' | 'fonts' | 'numFmts'> {
  const a1 = (a: string): string => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    const [r, c] = map(Number(m[2]), columnNumber(m[1]!));
    return `${columnLetters(c)}${r}`;
  };
  const rec = (x?: Record<string, string>): Record<string, string> | undefined =>
    x && Object.fromEntries(Object.entries(x).map(([k, v]) => [a1(k), v]));
  return {
    merges: grid.merges.map((m) => {
      const r = parseRange(m);
      return `${a1(`${columnLetters(r.left)}${r.top}`)}:${a1(`${columnLetters(r.right)}${r.bottom}`)}`;
    }),
    fonts: rec(grid.fonts),
    numFmts: rec(grid.numFmts),
  };
}

/** Insert an unrelated column before column `at` (1-based), with a header the engine does not know. */
function insertColumn(grid: Grid, at: number, headerRow: number): Grid {
  const rows = grid.rows.map((cells, i) => {
    const copy = [...cells];
    while (copy.length < at - 1) copy.push(null);
    copy.splice(at - 1, 0, i + 1 === headerRow ? 'Số điện thoại' : i + 1 > headerRow + 2 && cells.length > 3 ? '0912 345 678' : null);
    return copy;
  });
  return { ...grid, rows, ...remapAddresses(grid, (r, c) => [r, c >= at ? c + 1 : c]) };
}

/** Swap two columns (whole columns, header included). */
function swapColumns(grid: Grid, a: number, b: number): Grid {
  const rows = grid.rows.map((cells) => {
    const copy = [...cells];
    const width = Math.max(a, b);
    while (copy.length < width) copy.push(null);
    [copy[a - 1], copy[b - 1]] = [copy[b - 1] ?? null, copy[a - 1] ?? null];
    return copy;
  });
  return { ...grid, rows, ...remapAddresses(grid, (r, c) => [r, c === a ? b : c === b ? a : c]) };
}

function addTitleLines(grid: Grid, lines: string[]): Grid {
  return { ...grid, rows: [...lines.map((l) => [l]), ...grid.rows], ...remapAddresses(grid, (r, c) => [r + lines.length, c]) };
}

function mapStrings(grid: Grid, f: (s: string) => string): Grid {
  return { ...grid, rows: grid.rows.map((cells) => cells.map((v) => (typeof v === 'string' ? f(v) : v))) };
}

function mapColumn(grid: Grid, col: number, fromRow: number, f: (v: CellValue) => CellValue): Grid {
  return {
    ...grid,
    rows: grid.rows.map((cells, i) => {
      if (i + 1 < fromRow || cells[col - 1] === undefined) return cells;
      const copy = [...cells];
      copy[col - 1] = f(cells[col - 1] ?? null);
      return copy;
    }),
  };
}

function shiftColumn(f: Finding, at: number): Finding {
  return f.column === null || columnNumber(f.column) < at ? f : { ...f, column: columnLetters(columnNumber(f.column) + 1) };
}

const vi = (n: number): string => n.toLocaleString('vi-VN');

async function sample(name: string): Promise<{ grids: Grid[]; date: string; base: Finding[] }> {
  const s = loadSamples().find((x) => x.name === name)!;
  const grids = await sampleGrids(s.file);
  return { grids, date: s.date, base: findings(grids, s.date) };
}

describe('mutations of households-classic-errors', () => {
  it('has its planted findings to start with', async () => {
    const { base } = await sample('households-classic-errors');
    expect(base.length).toBe(18);
  });

  it('an inserted column shifts the columns of the findings', async () => {
    const { grids, date, base } = await sample('households-classic-errors');
    for (const at of [1, 3, 8, 27]) {
      const mutated = [insertColumn(grids[0]!, at, 7)];
      expect(sorted(findings(mutated, date))).toEqual(sorted(base.map((f) => shiftColumn(f, at))));
    }
  });

  it('reordered columns give the same findings in the moved columns', async () => {
    const { grids, date, base } = await sample('households-classic-errors');
    // Village (G) and ethnicity (F) swapped; note (AA) and escape year (Z) swapped.
    const mutated = [swapColumns(swapColumns(grids[0]!, 6, 7), 26, 27)];
    const swap: Record<string, string> = { F: 'G', G: 'F', Z: 'AA', AA: 'Z' };
    expect(sorted(findings(mutated, date))).toEqual(sorted(base.map((f) => ({ ...f, column: f.column && (swap[f.column] ?? f.column) }))));
  });

  it('added title lines shift the rows of the findings', async () => {
    const { grids, date, base } = await sample('households-classic-errors');
    const mutated = [addTitleLines(grids[0]!, ['PHỤ LỤC 2', 'Biểu mẫu kèm theo Kế hoạch rà soát', '', 'Xã Xuân Hoà'])];
    expect(sorted(findings(mutated, date))).toEqual(sorted(base.map((f) => ({ ...f, row: f.row === null ? null : f.row + 4 }))));
  });

  it('NFD text (decomposed diacritics) gives the same findings', async () => {
    const { grids, date, base } = await sample('households-classic-errors');
    const mutated = [mapStrings(grids[0]!, (s) => s.normalize('NFD'))];
    expect(sorted(findings(mutated, date))).toEqual(sorted(base));
  });

  it('headers swapped for other known aliases give the same findings', async () => {
    const { grids, date, base } = await sample('households-classic-errors');
    const aliases: Record<string, string> = {
      'Họ và tên chủ hộ': 'Họ tên chủ hộ',
      'Số CCCD': 'Số định danh cá nhân',
      Thôn: 'Thôn/Xóm',
      'Số nhân khẩu': 'Số khẩu',
      'Phân loại hộ': 'Loại hộ',
      'Thu nhập bình quân (đồng/người/tháng)': 'TNBQ (đồng/người/tháng)',
      'Tổng số chỉ số thiếu hụt': 'Số chỉ số thiếu hụt',
      'Hộ không có khả năng lao động': 'Không có KNLĐ',
      'Hộ có người có công': 'Người có công',
      'Bảo hiểm y tế': 'BHYT',
      'Nhà tiêu hợp vệ sinh': 'NHÀ TIÊU HỢP VỆ SINH',
      'Năm thoát nghèo': 'Năm  thoát\nnghèo',
    };
    const mutated = [mapStrings(grids[0]!, (s) => aliases[s] ?? s)];
    expect(sorted(findings(mutated, date))).toEqual(sorted(base));
  });

  it('numbers written as text ("1.500.000", "2,5") give the same findings', async () => {
    const { grids, date, base } = await sample('households-classic-errors');
    const asText = (v: CellValue): CellValue => (typeof v === 'number' ? vi(v) : v);
    const mutated = [mapColumn(mapColumn(grids[0]!, 10, 11, asText), 8, 11, asText)];
    expect(sorted(findings(mutated, date))).toEqual(sorted(base));
  });

  it('income in triệu đồng (header and ĐVT line) gives the same findings', async () => {
    const { grids, date, base } = await sample('households-classic-errors');
    let g = mapColumn(grids[0]!, 10, 11, (v) => (typeof v === 'number' ? v / 1_000_000 : v));
    g = mapStrings(g, (s) => (s === 'ĐVT: đồng' ? 'ĐVT: triệu đồng' : s === 'Thu nhập bình quân (đồng/người/tháng)' ? 'Thu nhập bình quân (triệu đồng/người/tháng)' : s));
    expect(sorted(findings([g], date))).toEqual(sorted(base));
  });
});

describe('mutations of the whole commune workbook with errors', () => {
  it('progress money in đồng instead of triệu đồng gives the same findings', async () => {
    const { grids, date, base } = await sample('workbook-xuan-hoa-2024-errors');
    const i = grids.findIndex((g) => g.name === 'Tien do');
    let g = grids[i]!;
    for (const col of [5, 6, 7, 8, 9]) g = mapColumn(g, col, 8, (v) => (typeof v === 'number' ? Math.round(v * 1_000_000) : v));
    g = mapStrings(g, (s) => (s === 'ĐVT: triệu đồng' ? 'ĐVT: đồng' : s));
    const mutated = grids.map((x, k) => (k === i ? g : x));
    expect(sorted(findings(mutated, date))).toEqual(sorted(base));
  });

  it('progress amounts as Vietnamese text ("95,5") give the same findings', async () => {
    const { grids, date, base } = await sample('workbook-xuan-hoa-2024-errors');
    const i = grids.findIndex((g) => g.name === 'Tien do');
    let g = grids[i]!;
    for (const col of [4, 5, 6, 7, 8, 9]) g = mapColumn(g, col, 8, (v) => (typeof v === 'number' ? vi(v) : v));
    expect(sorted(findings(grids.map((x, k) => (k === i ? g : x)), date))).toEqual(sorted(base));
  });

  it('an inserted column in a beneficiary list and title lines on the progress report shift accordingly', async () => {
    const { grids, date, base } = await sample('workbook-xuan-hoa-2024-errors');
    const b = grids.findIndex((g) => g.name === 'Ho tro sinh ke');
    const p = grids.findIndex((g) => g.name === 'Tien do');
    const mutated = grids.map((g, k) => (k === b ? insertColumn(g, 3, 6) : k === p ? addTitleLines(g, ['Biểu số 01', '']) : g));
    const expected = base.map((f) =>
      f.sheet === 'Ho tro sinh ke' ? shiftColumn(f, 3) : f.sheet === 'Tien do' && f.row !== null ? { ...f, row: f.row + 2 } : f,
    );
    expect(sorted(findings(mutated, date))).toEqual(sorted(expected));
  });

  it('sheets in another order give the same findings', async () => {
    const { grids, date, base } = await sample('workbook-xuan-hoa-2024-errors');
    expect(sorted(findings([...grids].reverse(), date))).toEqual(sorted(base));
  });
});
