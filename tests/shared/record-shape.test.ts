import { describe, expect, it } from 'vitest';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { STORED_KINDS } from '../../shared/sheet-kind.ts';
import { validateWorkbook } from '../../shared/validate.ts';
import { generatedSource } from '../workbook/generate-source.ts';
import { loadSamples, sampleGrids } from '../samples.ts';

/**
 * Each stored kind's record (shared/kinds/<kind>/record.ts, through shared/kinds/record-shape.ts)
 * reads back every record the samples give, stored as a submission stores them (JSON pages), and
 * refuses each of those records with one field made wrong, saying which row and field.
 */

/** Every record of each kind in the samples, as stored (JSON text) and read back. */
async function sampleRecords(): Promise<Map<string, unknown[]>> {
  const byKind = new Map<string, unknown[]>(STORED_KINDS.map((k) => [k.id, []]));
  for (const sample of loadSamples()) {
    const grids = await sampleGrids(sample.file);
    const result = validateWorkbook(grids.map((grid) => ({ grid })), { plan: XUAN_HOA_2024, reportDate: sample.date, keepRecords: true });
    for (const kind of STORED_KINDS) byKind.get(kind.id)?.push(...(JSON.parse(JSON.stringify(kind.records(result))) as unknown[]));
  }
  return byKind;
}

const WRONG: readonly unknown[] = [undefined, null, 0, -1, 1.5, '', 'x', 'poor', 'male', true, false, [], ['D01'], [1], {}, Number.MAX_SAFE_INTEGER + 2];

describe('stored records', async () => {
  const samples = await sampleRecords();

  it.each(STORED_KINDS.map((k) => [k.id, k] as const))('%s: every record of the samples reads back as it was', (_id, kind) => {
    const records = samples.get(kind.id) ?? [];
    expect(records.length).toBeGreaterThan(0);
    const read = kind.record.readPage(records);
    expect(read.ok && read.rows).toEqual(records);
  });

  it.each(STORED_KINDS.map((k) => [k.id, k] as const))('%s: a field made wrong is refused at its row and field', (_id, kind) => {
    const [record] = samples.get(kind.id) ?? [];
    let refused = 0;
    for (const field of Object.keys(kind.record.fields)) {
      for (const wrong of WRONG) {
        const row: Record<string, unknown> = { ...(record as Record<string, unknown>) };
        if (wrong === undefined) delete row[field];
        else row[field] = wrong;
        const read = kind.record.readPage([record, row]);
        if (!read.ok) {
          refused++;
          expect(read.issues.map((i) => i.path.slice(0, 2)), `${field} = ${JSON.stringify(wrong)}`).toContainEqual([1, field]);
        }
      }
    }
    // Every field refuses most of the wrong values (a nullable one takes null, a text one any text).
    expect(refused).toBeGreaterThan(Object.keys(kind.record.fields).length * (WRONG.length - 6));
  });

  it.each(STORED_KINDS.map((k) => [k.id, k] as const))('%s: a page that is not a list of records is refused', (_id, kind) => {
    for (const page of [null, {}, 'x', 1, [null], [[]], ['x'], [1]]) expect(kind.record.readPage(page).ok, JSON.stringify(page)).toBe(false);
    // A key the record does not have is no fault (a field stored by a newer version, say), and is kept.
    const [record] = samples.get(kind.id) ?? [];
    expect(kind.record.readPage([{ ...(record as object), extra: 1 }])).toEqual({ ok: true, rows: [{ ...(record as object), extra: 1 }] });
  });

  it("takes the generated district's rows (the benchmarks' source)", async () => {
    const source = generatedSource({ communes: 2, households: 600, beneficiaries: 600 });
    const rowsOf: Readonly<Record<string, (id: string) => AsyncIterable<unknown[]>>> = {
      households: source.households,
      beneficiaries: source.beneficiaries,
      progress: source.progress,
    };
    let rows = 0;
    for (const commune of source.communes) {
      for (const kind of STORED_KINDS) {
        for await (const page of rowsOf[kind.id]?.(commune.id) ?? []) {
          rows += page.length;
          expect(kind.record.readPage(JSON.parse(JSON.stringify(page))).ok).toBe(true);
        }
      }
    }
    expect(rows).toBeGreaterThan(2000);
  });
});
