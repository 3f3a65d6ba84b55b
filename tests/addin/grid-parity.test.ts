import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCommand } from '../../cli/validate-command.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { readGrids } from '../../shared/xlsx/read-spreadsheet.ts';
import { checkWorkbook } from '../../addin/check.ts';
import { readWorkbook } from '../../addin/excel/read-workbook.ts';
import { SAMPLES_DIR } from '../samples.ts';
import { FakeExcel } from './fake-excel.ts';

const SAMPLES = [
  'households-classic-errors',
  'households-classic-clean',
  'households-simple-errors',
  'households-scores-errors',
  'workbook-xuan-hoa-2024-errors',
  'workbook-xuan-hoa-2024-clean',
];

async function cliIssues(file: string): Promise<unknown[]> {
  let out = '';
  await validateCommand([file, '--json'], (s) => (out += s), () => {});
  return (JSON.parse(out) as { issues: unknown[] }).issues;
}

describe('the Grid the pane builds from Excel equals the xlsx reader’s', () => {
  for (const name of SAMPLES) {
    it(`${name}: same grids, and the same issues as \`gnbv validate --json\``, async () => {
      const file = join(SAMPLES_DIR, `${name}.xlsx`);
      const fromFile = await readGrids(readFileSync(file));
      const excel = FakeExcel.fromGrids(fromFile);

      const read = await excel.run((context) => readWorkbook(context));
      expect(read.sheets.map((s) => s.grid)).toEqual(fromFile);

      const outcome = await excel.run((context) =>
        checkWorkbook(context, { lang: 'vi', mappings: {}, notes: true, defaultYear: 2024, planFor: async () => XUAN_HOA_2024 }),
      );
      expect(outcome.result.issues).toEqual(await cliIssues(file));
    });
  }

  it('households-classic-errors: the .VnTime cell is found with one extra sync for per-cell fonts, 4 syncs to read', async () => {
    const fromFile = await readGrids(readFileSync(join(SAMPLES_DIR, 'households-classic-errors.xlsx')));
    expect(fromFile[0]?.fonts).toEqual({ B52: '.VnTime' });
    const excel = FakeExcel.fromGrids(fromFile);
    await excel.run((context) => readWorkbook(context));
    // sheets; used ranges + merged areas; one block (84 × 30 cells); per-cell fonts of row 52.
    expect(excel.syncs).toBe(4);
  });
});
