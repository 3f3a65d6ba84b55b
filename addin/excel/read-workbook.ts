import type { Grid } from '../../shared/grid/grid.ts';
import { GridBuilder } from '../grid/build-grid.ts';
import { isPayloadLimitError } from '../errors.ts';
import { BLOCK_CELLS, CELL_FONT_BYTES, FIRST_GUESS_BYTES_PER_CELL, MEASURED_MARGIN, SYNC_BUDGET_BYTES, batchesByBudget } from './limits.ts';

/** The add-in's own sheets: the stored marks (very hidden) and the exported issue list. */
export const MARKS_SHEET = 'GNBV_DanhDau';
export const ISSUES_SHEET = 'GNBV - Danh sách lỗi';

export interface ReadProgress {
  sheet: string;
  cellsRead: number;
  cellsTotal: number;
}

export interface SheetRead {
  grid: Grid;
  /** The font most of the sheet's cells use (a legacy-text fix switches the cell to it). */
  usualFont: string | null;
}

export interface WorkbookRead {
  /** The worksheets the engine reads, in tab order (very hidden sheets and the add-in's own skipped, like the xlsx reader). */
  sheets: SheetRead[];
  /** The stored marks sheet's values, or null when the workbook has none. */
  storedMarks: unknown[][] | null;
  /** Every worksheet's name, the add-in's own included. */
  sheetNames: string[];
}

interface Block {
  target: Target;
  /** 0-based first row and column, row and column counts. */
  row: number;
  column: number;
  rows: number;
  columns: number;
}

interface Target {
  worksheet: Excel.Worksheet;
  builder: GridBuilder;
  merges: string[];
  /** The used range with formats (0-based), where merged areas are; null for an empty sheet. */
  extent: { row: number; column: number; rows: number; columns: number } | null;
}

/** "Sheet1!$A$1:$B$2" or "'Tên trang'!A1:B2" → "A1:B2". */
export function localAddress(a: string): string {
  return a.slice(a.lastIndexOf('!') + 1).replace(/\$/g, '');
}

/**
 * Reads every worksheet into a Grid with few, bounded syncs:
 * 1. the list of worksheets; 2. each used range and the stored marks;
 * 3. the cells in row blocks of ≤ 20,000 cells, as many blocks per sync as the byte budget allows
 *    (estimated from the cell count and the bytes per cell measured so far; a sync Excel refuses
 *    as too large is split and retried); with each block, the font of each row (getRowProperties),
 *    and with the first batch, each sheet's merged areas;
 * 4. per-cell fonts only for rows with values whose cells use more than one font.
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  options: { onProgress?: (p: ReadProgress) => void } = {},
): Promise<WorkbookRead> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  await context.sync();

  const wanted = worksheets.items.filter((ws) => ws.visibility !== 'VeryHidden' && ws.name !== ISSUES_SHEET && ws.name !== MARKS_SHEET);
  const marksSheet = worksheets.items.find((ws) => ws.name === MARKS_SHEET) ?? null;

  // 2. Each sheet's used range (values only, for the cells; with formats, for merged areas) and the stored marks.
  const used = wanted.map((ws) => {
    const values = ws.getUsedRangeOrNullObject(true);
    values.load('rowIndex,columnIndex,rowCount,columnCount');
    const all = ws.getUsedRangeOrNullObject(false);
    all.load('rowIndex,columnIndex,rowCount,columnCount');
    return { values, all };
  });
  const marks = marksSheet ? marksSheet.getUsedRangeOrNullObject(true) : null;
  marks?.load('values');
  await context.sync();

  const targets: Target[] = wanted.map((worksheet, i) => {
    const all = (used[i] as { all: Excel.Range }).all;
    return {
      worksheet,
      builder: new GridBuilder(worksheet.name),
      merges: [],
      extent: all.isNullObject ? null : { row: all.rowIndex, column: all.columnIndex, rows: all.rowCount, columns: all.columnCount },
    };
  });
  const blocks: Block[] = [];
  used.forEach(({ values: range }, i) => {
    const target = targets[i] as Target;
    if (range.isNullObject) return;
    const perBlock = Math.max(1, Math.floor(BLOCK_CELLS / range.columnCount));
    for (let r = 0; r < range.rowCount; r += perBlock) {
      blocks.push({ target, row: range.rowIndex + r, column: range.columnIndex, rows: Math.min(perBlock, range.rowCount - r), columns: range.columnCount });
    }
  });
  // 3. The cells, block by block; the merged areas ride along with the first batch.
  const mergesInOneGo = await readBlocks(context, blocks, targets, options.onProgress);
  if (!mergesInOneGo) for (const t of targets) await readMergesInChunks(context, t);
  // 4. Fonts cell by cell, only where a row mixes them.
  await readMixedFonts(context, targets);

  const sheets = targets.map((t) => {
    const { grid, usualFont } = t.builder.build(t.merges);
    return { grid, usualFont };
  });
  const storedMarks = marks && !marks.isNullObject ? (marks.values as unknown[][]) : null;
  return { sheets, storedMarks, sheetNames: worksheets.items.map((ws) => ws.name) };
}

/**
 * Reads the blocks; returns false when the merged areas could not be listed in one go (Excel
 * refuses a range with more than 512 of them), so they must be read in chunks.
 */
async function readBlocks(
  context: Excel.RequestContext,
  all: readonly Block[],
  targets: readonly Target[],
  onProgress?: (p: ReadProgress) => void,
): Promise<boolean> {
  const queue = [...all];
  let mergesPending = targets.some((t) => t.extent !== null);
  let mergesInOneGo = true;
  const totals = new Map<GridBuilder, number>();
  for (const b of all) totals.set(b.target.builder, (totals.get(b.target.builder) ?? 0) + b.rows * b.columns);
  const done = new Map<GridBuilder, number>();
  let bytesPerCell = FIRST_GUESS_BYTES_PER_CELL;

  while (queue.length > 0) {
    const batch: Block[] = [];
    let estimate = 0;
    while (queue.length > 0) {
      const next = queue[0] as Block;
      const bytes = next.rows * next.columns * bytesPerCell;
      if (batch.length > 0 && estimate + bytes > SYNC_BUDGET_BYTES) break;
      batch.push(next);
      queue.shift();
      estimate += bytes;
    }
    const pending = batch.map((block) => {
      const range = block.target.worksheet.getRangeByIndexes(block.row, block.column, block.rows, block.columns);
      range.load('values,numberFormat,valueTypes');
      const rowProperties = range.getRowProperties({ format: { font: { name: true } } });
      return { block, range, rowProperties };
    });
    const merges = mergesPending
      ? targets.flatMap((target) => {
          if (!target.extent) return [];
          const { row, column, rows, columns } = target.extent;
          const areas = target.worksheet.getRangeByIndexes(row, column, rows, columns).getMergedAreasOrNullObject();
          areas.load('areas/items/address');
          return [{ target, areas }];
        })
      : [];
    try {
      await context.sync();
    } catch (e) {
      if (!isPayloadLimitError(e)) {
        if (merges.length === 0) throw e;
        // Most likely more than 512 merged areas in a sheet: read the batch again without them.
        mergesPending = false;
        mergesInOneGo = false;
        queue.unshift(...batch);
        continue;
      }
      // Refused as too large: the guess was low. Retry smaller — one block per sync, then half blocks.
      bytesPerCell *= 2;
      const first = batch[0] as Block;
      if (batch.length > 1) queue.unshift(...batch);
      else if (first.rows > 1) {
        const half = Math.ceil(first.rows / 2);
        queue.unshift({ ...first, rows: half }, { ...first, row: first.row + half, rows: first.rows - half });
      } else throw e;
      continue;
    }
    if (mergesPending) {
      mergesPending = false;
      for (const { target, areas } of merges) {
        if (!areas.isNullObject) target.merges.push(...areas.areas.items.map((a) => localAddress(a.address)));
      }
    }
    let measured = 0;
    for (const { block, range, rowProperties } of pending) {
      const values = range.values as unknown[][];
      const numberFormat = range.numberFormat as unknown[][];
      const valueTypes = range.valueTypes as unknown[][];
      block.target.builder.addBlock({
        top: block.row + 1,
        left: block.column + 1,
        values,
        numberFormat,
        valueTypes,
        rowFonts: rowProperties.value.map((p) => p.format?.font?.name ?? null),
      });
      const cells = block.rows * block.columns;
      const bytes = JSON.stringify(values).length + JSON.stringify(numberFormat).length + JSON.stringify(valueTypes).length;
      measured = Math.max(measured, bytes / cells);
      const builder = block.target.builder;
      done.set(builder, (done.get(builder) ?? 0) + cells);
      onProgress?.({ sheet: builder.name, cellsRead: done.get(builder) ?? 0, cellsTotal: totals.get(builder) ?? 0 });
    }
    bytesPerCell = Math.max(8, measured * MEASURED_MARGIN);
  }
  return mergesInOneGo;
}

/** Rows per merged-areas query when a sheet has too many (over 512) to list at once. */
const MERGE_CHUNK_ROWS = 100;

/**
 * Merged areas of a sheet that has more than Excel lists at once: asked for in row chunks, all
 * chunks in one sync; a refused group is halved until each query fits (a single row that still
 * fails is given up). Areas that cross a chunk border come back from both chunks, once kept.
 */
async function readMergesInChunks(context: Excel.RequestContext, target: Target): Promise<void> {
  const used = target.extent;
  if (!used) return;
  const chunks: { row: number; rows: number }[] = [];
  for (let r = 0; r < used.rows; r += MERGE_CHUNK_ROWS) chunks.push({ row: used.row + r, rows: Math.min(MERGE_CHUNK_ROWS, used.rows - r) });
  const groups = [chunks];
  while (groups.length > 0) {
    const group = groups.shift() as { row: number; rows: number }[];
    const areas = group.map((c) => {
      const a = target.worksheet.getRangeByIndexes(c.row, used.column, c.rows, used.columns).getMergedAreasOrNullObject();
      a.load('areas/items/address');
      return a;
    });
    try {
      await context.sync();
    } catch (e) {
      if (isPayloadLimitError(e)) throw e;
      const only = group[0] as { row: number; rows: number };
      if (group.length > 1) groups.unshift(group.slice(0, group.length / 2), group.slice(group.length / 2));
      else if (only.rows > 1) {
        const half = Math.ceil(only.rows / 2);
        groups.unshift([{ row: only.row, rows: half }], [{ row: only.row + half, rows: only.rows - half }]);
      }
      continue;
    }
    for (const a of areas) {
      if (a.isNullObject) continue;
      for (const item of a.areas.items) {
        const address = localAddress(item.address);
        if (!target.merges.includes(address)) target.merges.push(address);
      }
    }
  }
}

async function readMixedFonts(context: Excel.RequestContext, targets: readonly Target[]): Promise<void> {
  const rows = targets.flatMap((target) => target.builder.rowsNeedingCellFonts().map((r) => ({ target, ...r })));
  for (const batch of batchesByBudget(rows, (r) => (r.last - r.first + 1) * CELL_FONT_BYTES)) {
    const pending = batch.map((r) => ({
      r,
      properties: r.target.worksheet
        .getRangeByIndexes(r.row - 1, r.first - 1, 1, r.last - r.first + 1)
        .getCellProperties({ format: { font: { name: true } } }),
    }));
    await context.sync();
    for (const { r, properties } of pending) {
      r.target.builder.setCellFonts(r.row, r.first, (properties.value[0] ?? []).map((p) => p.format?.font?.name ?? null));
    }
  }
}
