import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { Grid } from '../../shared/grid/grid.ts';
import type { Issue } from '../../shared/issues.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { validateWorkbook } from '../../shared/validate.ts';
import { readGrids } from '../../shared/xlsx/read-spreadsheet.ts';

const SAMPLES = resolve(import.meta.dirname, '../../../shared/samples');

export interface SampleFixture {
  grids: Grid[];
  /** What `gnbv validate FILE --json` gives for the file (period from its title: 2024-Y). */
  cliIssues: Issue[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    samples: Record<string, SampleFixture>;
  }
}

/** Node side of the worker tests: the sample workbooks read by the xlsx reader, as the CLI reads them. */
export default async function setup(project: TestProject): Promise<void> {
  const samples: Record<string, SampleFixture> = {};
  for (const name of ['workbook-xuan-hoa-2024-clean', 'workbook-xuan-hoa-2024-errors', 'households-classic-clean']) {
    const grids = await readGrids(readFileSync(join(SAMPLES, `${name}.xlsx`)));
    const result = validateWorkbook(grids.map((grid) => ({ grid })), { plan: XUAN_HOA_2024 });
    samples[name] = { grids, cliIssues: result.issues };
  }
  project.provide('samples', samples);
}
