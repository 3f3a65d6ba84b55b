import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readGrids } from '../shared/xlsx/read-spreadsheet.ts';
import type { Grid } from '../shared/grid/grid.ts';

/** The commune workbooks in ../shared/samples with their answer keys (the floor every change must keep). */
export const SAMPLES_DIR = resolve(import.meta.dirname, '../../shared/samples');

export interface ExpectedIssue {
  code: string;
  sheet: string;
  row: number | null;
  column?: string | null;
}

export interface Sample {
  name: string;
  file: string;
  date: string;
  issues: ExpectedIssue[];
}

export function loadSamples(): Sample[] {
  const names = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.expected.json'));
  if (names.length === 0) throw new Error(`no samples in ${SAMPLES_DIR}`);
  return names.sort().map((n) => {
    const key = JSON.parse(readFileSync(join(SAMPLES_DIR, n), 'utf8')) as { date: string; issues: ExpectedIssue[] };
    const name = n.replace('.expected.json', '');
    return { name, file: join(SAMPLES_DIR, `${name}.xlsx`), date: key.date, issues: key.issues };
  });
}

export function keyOf(i: { code: string; sheet: string; row: number | null; column?: string | null }): string {
  return `${i.code}|${i.sheet}|${i.row}|${i.column === undefined ? '*' : i.column}`;
}

/** Compare found issues with an answer key the way score-samples.py does: code, sheet, row, and column where given. */
export function matchKey(found: readonly ExpectedIssue[], expected: readonly ExpectedIssue[]): { missed: string[]; extra: string[] } {
  const left = [...found];
  const missed: string[] = [];
  for (const e of expected) {
    const j = left.findIndex((g) => g.code === e.code && g.sheet === e.sheet && g.row === e.row && (e.column === undefined || g.column === e.column));
    if (j < 0) missed.push(keyOf(e));
    else left.splice(j, 1);
  }
  return { missed, extra: left.map(keyOf) };
}

export async function sampleGrids(file: string): Promise<Grid[]> {
  return readGrids(readFileSync(file));
}

