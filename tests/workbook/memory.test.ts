import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { countInEntry, zipEntries } from './zip-entries.ts';

/**
 * 40 communes × (2,500 households + 2,500 beneficiaries) = 200,000 rows, written by a child process
 * whose V8 heap is capped at 128 MB: the writer must stream. The file is then checked cheaply (the
 * central directory, and the row elements counted while inflating as a stream), not opened with SheetJS.
 */

const run = promisify(execFile);
const CHILD = resolve(import.meta.dirname, 'memory-child.ts');
const tmp = mkdtempSync(join(tmpdir(), 'gnbv-workbook-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('district workbook memory', () => {
  it('writes 200,000 rows under a 128 MB heap, and the file is a complete workbook', async () => {
    const out = join(tmp, 'district.xlsx');
    const { stdout } = await run(process.execPath, ['--max-old-space-size=128', '--import', 'tsx', CHILD, out, '40', '2500'], {
      cwd: resolve(import.meta.dirname, '../..'),
      encoding: 'utf8',
      timeout: 110_000,
    });
    const stats = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { ms: number; bytes: number; peakHeapMB: number; maxRssMB: number };
    console.log(`memory test child: ${JSON.stringify(stats)}`);
    expect(stats.peakHeapMB).toBeLessThan(128);

    const buf = readFileSync(out);
    expect(buf.length).toBe(stats.bytes);
    const entries = zipEntries(buf);
    const names = entries.map((e) => e.name).sort();
    expect(names).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'docProps/app.xml',
        'docProps/core.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/workbook.xml',
        ...Array.from({ length: 10 }, (_, i) => `xl/worksheets/sheet${i + 1}.xml`),
      ].sort(),
    );
    const entry = (name: string) => {
      const e = entries.find((x) => x.name === name);
      if (!e) throw new Error(name);
      return e;
    };
    expect((await countInEntry(buf, entry('xl/workbook.xml'), '<sheet ')).count).toBe(10);
    // Hộ: title, subtitle, two header rows, 100,000 households. Đối tượng hỗ trợ: one header row.
    const households = await countInEntry(buf, entry('xl/worksheets/sheet6.xml'), '<row ');
    expect(households.count).toBe(4 + 100_000);
    expect(households.bytes).toBe(entry('xl/worksheets/sheet6.xml').size);
    expect((await countInEntry(buf, entry('xl/worksheets/sheet7.xml'), '<row ')).count).toBe(3 + 100_000);
    // Each commune after the first repeats one ID of the commune before: 39 pairs in Kiểm tra.
    expect((await countInEntry(buf, entry('xl/worksheets/sheet9.xml'), 'Trùng số CCCD')).count).toBe(39);
    expect((await countInEntry(buf, entry('xl/worksheets/sheet1.xml'), '<f>')).count).toBe(0);
  }, 120_000);

  it('writes the official layout of the same 100,000 households under the same heap, the lists read page by page twice', async () => {
    const out = join(tmp, 'official.xlsx');
    const { stdout } = await run(process.execPath, ['--max-old-space-size=128', '--import', 'tsx', CHILD, out, '40', '2500', 'official'], {
      cwd: resolve(import.meta.dirname, '../..'),
      encoding: 'utf8',
      timeout: 110_000,
    });
    const stats = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { ms: number; bytes: number; peakHeapMB: number; maxRssMB: number };
    console.log(`memory test child (official): ${JSON.stringify(stats)}`);
    expect(stats.peakHeapMB).toBeLessThan(128);

    const buf = readFileSync(out);
    expect(buf.length).toBe(stats.bytes);
    const entries = zipEntries(buf);
    const entry = (name: string) => {
      const e = entries.find((x) => x.name === name);
      if (!e) throw new Error(name);
      return e;
    };
    expect((await countInEntry(buf, entry('xl/workbook.xml'), '<sheet ')).count).toBe(7);
    // Each list: 2 heading rows, title, subtitle, header, numbering; its households; a note and 3 signature rows.
    const poor = await countInEntry(buf, entry('xl/worksheets/sheet2.xml'), '<row ');
    const escaped = await countInEntry(buf, entry('xl/worksheets/sheet3.xml'), '<row ');
    expect(poor.count - 10 + (escaped.count - 10)).toBe(100_000);
    expect(escaped.count - 10).toBeGreaterThan(10_000);
    expect((await countInEntry(buf, entry('xl/worksheets/sheet6.xml'), 'Trùng số CCCD')).count).toBe(39);
    for (const n of [1, 2, 3, 4, 5]) expect((await countInEntry(buf, entry(`xl/worksheets/sheet${n}.xml`), '<f>')).count).toBe(0);
  }, 120_000);
});
