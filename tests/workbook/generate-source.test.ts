import { describe, expect, it } from 'vitest';
import { PART_BYTES_PER_QUERY } from '../../worker/db/district-source.ts';
import { ROWS_PER_CHUNK } from '../../worker/db/submissions.ts';
import { STORED_BYTES_PER_QUERY, STORED_ROWS_PER_CHUNK, generatedSource } from './generate-source.ts';

/** The generated district reaches the writer as the Worker's stored rows do: pages of JSON text, parsed. */

async function pagesOf<T>(pages: AsyncIterable<T[]>): Promise<T[][]> {
  const all: T[][] = [];
  for await (const page of pages) all.push(page);
  return all;
}

describe('generated source', () => {
  it("stores and reads like the Worker: its chunk size and query budget are worker/db's", () => {
    expect(STORED_ROWS_PER_CHUNK).toBe(ROWS_PER_CHUNK);
    expect(STORED_BYTES_PER_QUERY).toBe(PART_BYTES_PER_QUERY);
  });

  it('gives the same rows on every call, in pages of the chunk size, each page a fresh parse', async () => {
    const s = generatedSource({ communes: 2, households: 1_200, beneficiaries: 10 });
    const first = await pagesOf(s.households('xa-002'));
    const again = await pagesOf(s.households('xa-002'));
    expect(first.map((p) => p.length)).toEqual([500, 500, 200]);
    expect(again).toEqual(first);
    expect(again[0]?.[0]).not.toBe(first[0]?.[0]);
    // What JSON.parse gives: plain data, the same after another round trip.
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
    expect(first[0]?.[100]?.idNumber).toBe('038000000200');
  });
});
