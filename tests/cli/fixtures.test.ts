import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnLetters } from '../../shared/grid/address.ts';
import { readGrids } from '../../shared/xlsx/read-spreadsheet.ts';
import { allFixtures, FIXTURES_DIR, writeFixtures } from '../../scripts/official-fixtures.ts';
import { gnbv } from './run-gnbv.ts';

/**
 * The official lists and the national software's exports in tests/fixtures (written by
 * scripts/official-fixtures.ts): each read by `gnbv validate` without a saved mapping, as the
 * list it is, with every column mapped; its planted issues found and nothing else; its clean copy
 * without any issue.
 */

interface Output {
  sheets: { name: string; kind: string; headerRow: number; headerRows: number; columns: Record<string, string> }[];
  issues: { code: string; sheet: string; row: number | null; column: string | null }[];
}

const at = (i: { code: string; sheet: string; row: number | null; column?: string | null }) => ({ code: i.code, sheet: i.sheet, row: i.row, column: i.column ?? null });
const order = (a: ReturnType<typeof at>, b: ReturnType<typeof at>) =>
  (a.row ?? 0) - (b.row ?? 0) || (a.column ?? '').localeCompare(b.column ?? '') || a.code.localeCompare(b.code);

const FIXTURES = allFixtures();

describe('gnbv validate on the official lists and exports (tests/fixtures)', () => {
  it.each(FIXTURES.map((f) => [f.name, f] as const))('%s', async (_name, fixture) => {
    const { layout } = fixture;
    const key = JSON.parse(readFileSync(join(FIXTURES_DIR, `${fixture.name}.expected.json`), 'utf8')) as typeof fixture.key;
    const r = await gnbv('validate', join(FIXTURES_DIR, `${fixture.name}.xlsx`), '--json', '--date', key.date);
    const out = JSON.parse(r.stdout) as Output;

    const twoRowHeader = layout.columns.some((c) => typeof c.header !== 'string');
    expect(out.sheets.map((s) => [s.name, s.kind, s.headerRow, s.headerRows])).toEqual([[layout.sheet, 'households', layout.heading.length + 1, twoRowHeader ? 2 : 1]]);
    const mapped = new Set(Object.values(out.sheets[0]?.columns ?? {}));
    expect([...mapped].sort()).toEqual(layout.columns.map((_, i) => columnLetters(i + 1)).sort());

    expect(out.issues.map(at).sort(order)).toEqual(key.issues.map(at).sort(order));
    if (fixture.name.endsWith('-clean')) {
      expect(key.issues).toEqual([]);
      expect(r.code).toBe(0);
    } else {
      expect(key.issues.length).toBeGreaterThanOrEqual(4);
      expect(key.issues.length).toBeLessThanOrEqual(10);
      expect(r.code).toBe(1);
    }
  });

  it('holds just what the script writes, as it writes it now', async () => {
    const committed = readdirSync(FIXTURES_DIR).sort();
    expect(committed).toEqual(FIXTURES.flatMap((f) => [`${f.name}.expected.json`, `${f.name}.xlsx`]).sort());
    const fresh = mkdtempSync(join(tmpdir(), 'gnbv-fixtures-'));
    await writeFixtures(fresh);
    for (const name of committed) {
      const [now, then] = [readFileSync(join(fresh, name)), readFileSync(join(FIXTURES_DIR, name))];
      if (name.endsWith('.json')) expect(then.toString('utf8'), name).toBe(now.toString('utf8'));
      else expect(await readGrids(then), `${name}: run npm run fixtures`).toEqual(await readGrids(now));
    }
  });
});
