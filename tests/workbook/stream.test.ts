import { describe, expect, it } from 'vitest';
import type { HouseholdRecord } from '../../shared/rules/households.ts';
import { type WorkbookSource, writeDistrictWorkbook } from '../../worker/workbook/index.ts';
import { generatedSource } from './generate-source.ts';

/** The stream reads the source only as fast as the bytes are taken, stops it on cancel, and fails with its error. */

interface Tracked {
  source: WorkbookSource;
  pagesRead: () => number;
  closed: () => number;
}

function tracked(fail: Error | null = null): Tracked {
  const base = generatedSource({ communes: 5, households: 2_500, beneficiaries: 100, pageSize: 250 });
  let pages = 0;
  let closed = 0;
  async function* households(id: string): AsyncGenerator<HouseholdRecord[]> {
    try {
      for await (const page of base.households(id)) {
        pages++;
        if (fail && pages === 3) throw fail;
        yield page;
      }
    } finally {
      closed++;
    }
  }
  return { source: { ...base, households }, pagesRead: () => pages, closed: () => closed };
}

describe('district workbook stream', () => {
  it('does not read ahead of the reader, and cancel closes the source iterator', async () => {
    const t = tracked();
    const reader = writeDistrictWorkbook(t.source).getReader();
    while (t.pagesRead() === 0) {
      const { done } = await reader.read();
      expect(done).toBe(false);
    }
    await reader.read();
    // 50 pages of households in all; one chunk after the first page, the writer is still at the start.
    expect(t.pagesRead()).toBeLessThanOrEqual(2);
    await reader.cancel();
    expect(t.closed()).toBe(1);
  });

  it('fails the stream with the source error', async () => {
    const failure = new Error('D1 read failed');
    const stream = writeDistrictWorkbook(tracked(failure).source);
    await expect(new Response(stream).arrayBuffer()).rejects.toThrow('D1 read failed');
  });

  it('official layout: reads no further ahead on either pass over the households, cancel closes the source, a source error fails it', async () => {
    const t = tracked();
    const reader = writeDistrictWorkbook(t.source, 'official').getReader();
    while (t.pagesRead() === 0) expect((await reader.read()).done).toBe(false);
    await reader.read();
    // The list's first 500 rows are measured for its widths: with a quarter of the households newly escaped, 3 pages of 250.
    expect(t.pagesRead()).toBeLessThanOrEqual(3);
    await reader.cancel();
    expect(t.closed()).toBe(1);

    // Read to the end: 50 pages for the poor and near-poor list, the same 50 again for the newly escaped one.
    const whole = tracked();
    await new Response(writeDistrictWorkbook(whole.source, 'official')).arrayBuffer();
    expect([whole.pagesRead(), whole.closed()]).toEqual([100, 10]);

    await expect(new Response(writeDistrictWorkbook(tracked(new Error('D1 read failed')).source, 'official')).arrayBuffer()).rejects.toThrow('D1 read failed');
  });
});
