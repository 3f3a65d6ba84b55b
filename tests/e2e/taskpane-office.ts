/**
 * Runs IN THE BROWSER, before the task pane's script (bundled by taskpane-host.ts and injected with
 * page.addInitScript): the strict stand-in for Excel (tests/addin/fake-excel.ts) as the globals
 * `Office` and `Excel` the pane expects from office.js, holding the cells of a workbook, and
 * `window.gnbvFakeExcel` for the test to look at the selection and retype cells.
 */
import type { Grid } from '../../shared/grid/grid.ts';
import { FakeExcel } from '../addin/fake-excel.ts';

export interface FakeExcelControl {
  selection(): { sheet: string; address: string } | null;
  activeSheet(): string | null;
  /** The officer retypes the cells: values become the grids' (fills and notes stay). */
  typeCells(grids: Grid[]): void;
  cellValue(sheet: string, a1: string): unknown;
  fill(sheet: string, a1: string): string;
  /** Every fill and note of every sheet ("Sheet!fill!A1" → fill JSON, "Sheet!note!A1" → text). */
  marks(): Record<string, string>;
  syncs(): number;
}

declare global {
  interface Window {
    gnbvFakeExcel: FakeExcelControl;
  }
}

export function install(grids: Grid[], options: { excelApi: string }): void {
  const excel = FakeExcel.fromGrids(grids);
  const settings = excel.documentSettings();
  const supported = (version: string) => Number(version) <= Number(options.excelApi);
  const office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
    context: {
      document: { settings },
      requirements: { isSetSupported: (name: string, version?: string) => name === 'ExcelApi' && supported(version ?? '1.1') },
    },
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      // Like office.js: asynchronously, once the document (the host) is ready.
      return new Promise((resolve) => {
        setTimeout(() => {
          callback?.(info);
          resolve(info);
        }, 0);
      });
    },
  };
  Object.assign(window, {
    Office: office,
    Excel: { run: (work: (context: unknown) => Promise<unknown>) => excel.run(work) },
    gnbvFakeExcel: {
      selection: () => excel.selection,
      activeSheet: () => excel.activeSheet,
      typeCells: (next: Grid[]) => excel.typeCells(next),
      cellValue: (sheet: string, a1: string) => excel.sheet(sheet).at(a1).value,
      fill: (sheet: string, a1: string) => JSON.stringify(excel.sheet(sheet).at(a1).fill),
      marks: () => excel.marksSnapshot(),
      syncs: () => excel.syncs,
    } satisfies FakeExcelControl,
  });
}
