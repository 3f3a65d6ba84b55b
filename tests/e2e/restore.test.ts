import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, backupSections, restore } from '../../scripts/backup-restore.ts';
import { type LocalWorker, startLocalWorker } from '../../scripts/local-worker.ts';
import { PROVINCE_BINDING, PROVINCE_TOKEN, provinceCommunes, provinceSeedByDatabase } from '../../scripts/seed-province.ts';
import { sampleGrids } from '../samples.ts';
import { SAMPLES_DIR } from './harness.ts';

/**
 * The backup and restore drill: submissions of a province whose data lives in its own regional D1
 * (DB_R2; the directory in DB), `npm run backup` of every database, `npm run restore` into a fresh
 * persist dir, a Worker on each, and the merged workbook from both.
 * The workbook carries the time it was made (each sheet's "Lập lúc … (giờ Việt Nam)" subtitle,
 * docProps/core.xml's created/modified, the zip entries' dates): that, and only that, is taken out
 * before the sheets' XML is compared byte for byte.
 */

const COMMUNES = 4;
const PERIOD = '2024-Y';

let dir: string;
let original: LocalWorker | undefined;
let restored: LocalWorker | undefined;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gnbv-restore-'));
});

afterAll(async () => {
  await original?.stop();
  await restored?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function download(worker: LocalWorker, layout: string): Promise<Uint8Array> {
  const res = await fetch(`${worker.url}/api/workbook?period=${PERIOD}&layout=${layout}`, { headers: { Authorization: `Bearer ${PROVINCE_TOKEN}` } });
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

/** Each zip entry's text with the making time taken out, and how many times it was taken out. */
function withoutMakingTime(xlsx: Uint8Array): { entries: Record<string, string>; removed: number } {
  let removed = 0;
  const entries: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(unzipSync(xlsx))) {
    entries[name] = new TextDecoder()
      .decode(bytes)
      .replace(/Lập lúc \d\d\/\d\d\/\d{4} \d\d:\d\d(:\d\d)? \(giờ Việt Nam\)/g, () => {
        removed += 1;
        return 'Lập lúc [time] (giờ Việt Nam)';
      })
      .replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, (_m, open: string, _k, close: string) => {
        removed += 1;
        return `${open}[time]${close}`;
      });
  }
  return { entries, removed };
}

describe('backup and restore', () => {
  it('a restored database serves the same merged workbook, apart from the time it was made', { timeout: 300_000 }, async () => {
    const grids = await sampleGrids(join(SAMPLES_DIR, 'workbook-xuan-hoa-2024-clean.xlsx'));
    original = await startLocalWorker({ seed: () => provinceSeedByDatabase(COMMUNES, new Date().toISOString()) });
    for (const c of provinceCommunes(COMMUNES)) {
      for (let n = 1; n <= 2; n += 1) {
        const res = await fetch(`${original.url}/api/submissions`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${c.token}`, 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Idempotency-Key': randomUUID() },
          body: new Uint8Array(gzipSync(JSON.stringify({ period: PERIOD, sheets: grids.map((grid) => ({ grid })) }))),
        });
        expect(res.status, await res.clone().text()).toBe(201);
      }
    }

    // The backup, taken while the Worker runs, and restored into a fresh directory.
    const file = join(dir, 'gnbv.sql');
    await backup({ out: file, persistDir: original.persistDir });
    const sql = readFileSync(file, 'utf8');
    expect(sql).toContain('CREATE TABLE');
    expect(sql).toContain('INSERT INTO "submissions"');
    // One section per database: the region's reports are in its own database's, none in the directory's.
    const sections = new Map(backupSections(sql));
    expect([...sections.keys()]).toContain(PROVINCE_BINDING);
    expect(sections.get(PROVINCE_BINDING)).toContain('INSERT INTO "submissions"');
    expect(sections.get('DB') ?? '').not.toContain('INSERT INTO "submissions"');
    const target = join(dir, 'restored');
    await restore({ file, persistDir: target });
    await expect(restore({ file, persistDir: target })).rejects.toThrow(/fresh directory/);

    // Its own backup is the same SQL, byte for byte.
    const again = join(dir, 'again.sql');
    await backup({ out: again, persistDir: target });
    expect(readFileSync(again, 'utf8')).toBe(sql);

    restored = await startLocalWorker({ persistDir: target, prepared: true });
    for (const layout of ['gnbv', 'official']) {
      const [a, b] = [await download(original, layout), await download(restored, layout)];
      const [x, y] = [withoutMakingTime(a), withoutMakingTime(b)];
      expect(Object.keys(y.entries)).toEqual(Object.keys(x.entries));
      expect(x.removed).toBeGreaterThan(0);
      expect(y.removed).toBe(x.removed);
      for (const name of Object.keys(x.entries)) expect(y.entries[name], `${layout}: ${name}`).toBe(x.entries[name]);
      console.log(`restore: ${layout} workbook ${a.byteLength} / ${b.byteLength} bytes, ${Object.keys(x.entries).length} entries equal once the making time (${x.removed} places) is taken out`);
    }
  });
});
