import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubmissionDetail, SubmissionListResponse, SubmissionReceipt, type SubmittedSheet } from '../../shared/api.ts';
import type { Grid } from '../../shared/grid/grid.ts';
import { type LocalWorker, queryLocal, startLocalWorker } from '../../scripts/local-worker.ts';
import { PROVINCE_TOKEN, type SeededCommune, provinceCommunes, provinceSeedStatements } from '../../scripts/seed-province.ts';
import { sampleGrids } from '../samples.ts';
import { SAMPLES_DIR } from './harness.ts';

/**
 * Nothing lost under faults: a storm of submissions (24 communes × 3 versions, each with its own
 * Idempotency-Key, the clean sample workbook's grids as the body, gzip as the pages send it), the
 * Worker's whole process group SIGKILLed once about a third have their 201, started again on the
 * same local D1, and every request that got no answer sent again with the same key. Then: every
 * 201 is there with its checksum and its body whole, nothing half-stored, versions gapless, and the
 * same key gives back the first receipt.
 */

const CLEAN = join(SAMPLES_DIR, 'workbook-xuan-hoa-2024-clean.xlsx');
const COMMUNES = 24;
const VERSIONS = 3;
const CONCURRENCY = 8;
const PERIOD = '2024-Y';
const KILL_AFTER = Math.round((COMMUNES * VERSIONS) / 3);

interface Job {
  commune: SeededCommune;
  /** Which of the commune's submissions this is (its body differs from the others'). */
  n: number;
  key: string;
  sheets: SubmittedSheet[];
  body: Uint8Array<ArrayBuffer>;
}

type Outcome = { kind: 'receipt'; receipt: SubmissionReceipt; beforeKill: boolean } | { kind: 'none'; why: string };

let worker: LocalWorker;
let grids: Grid[];

beforeAll(async () => {
  [worker, grids] = await Promise.all([
    startLocalWorker({ seed: () => provinceSeedStatements(COMMUNES, new Date().toISOString()) }),
    sampleGrids(CLEAN),
  ]);
});

afterAll(async () => {
  await worker?.stop();
});

/** The sample's sheets, the first title line marked with the commune and the version: a body of its own. */
function jobFor(commune: SeededCommune, n: number): Job {
  const copy = structuredClone(grids);
  const first = copy[0];
  if (first === undefined || first.rows[0] === undefined) throw new Error('the sample has no title line');
  first.rows[0][0] = `${String(first.rows[0][0])} — ${commune.commune.name}, bản ${n}`;
  const sheets: SubmittedSheet[] = copy.map((grid) => ({ grid }));
  return { commune, n, key: randomUUID(), sheets, body: new Uint8Array(gzipSync(JSON.stringify({ period: PERIOD, sheets }))) };
}

async function send(job: Job): Promise<Response> {
  return fetch(`${worker.url}/api/submissions`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${job.commune.token}`,
      'Content-Type': 'application/json',
      'Content-Encoding': 'gzip',
      'Idempotency-Key': job.key,
    },
    body: job.body,
    signal: AbortSignal.timeout(60_000),
  });
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A fixed shuffle (communes and versions interleaved), so a run is repeatable. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  let seed = 20261207;
  for (let i = out.length - 1; i > 0; i -= 1) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('a Worker killed in a storm of submissions', () => {
  it('loses nothing: every 201 stored whole with its checksum, versions gapless, the same key the same receipt', { timeout: 300_000 }, async () => {
    const communes = provinceCommunes(COMMUNES);
    const jobs = communes.flatMap((c) => Array.from({ length: VERSIONS }, (_, i) => jobFor(c, i + 1)));
    const outcomes = new Map<Job, Outcome>();
    let receipts = 0;
    let killing: Promise<void> | null = null;
    let inFlight = 0;
    let inFlightAtKill = 0;
    let killedAt = 0;
    const unexpected: string[] = [];

    // ---- the storm, and the crash in its middle ----
    const queue = shuffled(jobs);
    const lane = async (): Promise<void> => {
      for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
        if (killing !== null) {
          outcomes.set(job, { kind: 'none', why: 'not sent: the Worker was down' });
          continue;
        }
        inFlight += 1;
        try {
          const res = await send(job);
          const text = await res.text();
          if (res.status === 201) {
            outcomes.set(job, { kind: 'receipt', receipt: SubmissionReceipt.parse(JSON.parse(text)), beforeKill: true });
            receipts += 1;
            if (receipts >= KILL_AFTER && killing === null) {
              inFlightAtKill = inFlight - 1;
              killedAt = Date.now();
              killing = worker.kill();
            }
          } else if (killing !== null) {
            outcomes.set(job, { kind: 'none', why: `${res.status} while the Worker went down` });
          } else {
            unexpected.push(`${job.commune.commune.id} #${job.n}: ${res.status} ${text.slice(0, 300)}`);
            outcomes.set(job, { kind: 'none', why: `${res.status}` });
          }
        } catch (e) {
          outcomes.set(job, { kind: 'none', why: `no answer: ${String(e)}` });
        } finally {
          inFlight -= 1;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, lane));
    expect(unexpected, worker.logs()).toEqual([]);
    expect(killing, 'the storm ended before the kill').not.toBeNull();
    await killing;
    expect(worker.pid()).toBeNull();

    const answered = jobs.filter((j) => outcomes.get(j)?.kind === 'receipt');
    const unanswered = jobs.filter((j) => outcomes.get(j)?.kind !== 'receipt');
    console.log(
      `faults: ${answered.length} receipts before the kill (kill after ${KILL_AFTER}), ${inFlightAtKill} requests in flight at the kill, ${unanswered.length} without an answer`,
    );
    expect(answered.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(unanswered.length).toBeGreaterThan(0);

    // ---- the Worker again, on the same state; every unanswered request again, with its key ----
    await worker.restart();
    for (const job of unanswered) {
      let last = '';
      for (let attempt = 0; attempt < 3 && outcomes.get(job)?.kind !== 'receipt'; attempt += 1) {
        try {
          const res = await send(job);
          const text = await res.text();
          if (res.status === 201) outcomes.set(job, { kind: 'receipt', receipt: SubmissionReceipt.parse(JSON.parse(text)), beforeKill: false });
          else last = `${res.status} ${text.slice(0, 300)}`;
        } catch (e) {
          last = String(e);
        }
      }
      expect(outcomes.get(job)?.kind, `${job.commune.commune.id} #${job.n} after the restart: ${last}\n${worker.logs()}`).toBe('receipt');
    }
    const receiptOf = (job: Job): SubmissionReceipt => {
      const o = outcomes.get(job);
      if (o?.kind !== 'receipt') throw new Error('no receipt');
      return o.receipt;
    };
    // Stored before the crash though their answer was lost: the retry found them by their key.
    const lostAnswers = unanswered.filter((j) => Date.parse(receiptOf(j).receivedAt) < killedAt).length;
    console.log(`faults: after the restart ${unanswered.length} sent again, ${lostAnswers} of them had been stored before the kill (the same receipt came back)`);

    // ---- the same key gives the first receipt, for the ones answered before the crash and after ----
    for (const job of jobs) {
      const res = await send(job);
      expect(res.status).toBe(201);
      expect(SubmissionReceipt.parse(await res.json())).toEqual(receiptOf(job));
    }

    // ---- exactly one submission per key, versions 1…n per commune and period ----
    const list = await fetch(`${worker.url}/api/submissions?period=${PERIOD}`, { headers: { Authorization: `Bearer ${PROVINCE_TOKEN}` } });
    expect(list.status).toBe(200);
    const stored = SubmissionListResponse.parse(await list.json()).submissions;
    expect(stored.map((s) => s.id).sort()).toEqual(jobs.map((j) => receiptOf(j).id).sort());
    for (const c of communes) {
      const versions = stored.filter((s) => s.communeId === c.commune.id).map((s) => s.version);
      expect(versions.sort((a, b) => a - b), c.commune.id).toEqual(Array.from({ length: VERSIONS }, (_, i) => i + 1));
    }

    // ---- every body whole, read back: its sheets as sent, its checksum ----
    const sampleCounts = receiptOf(jobs[0] as Job).rowCounts;
    expect(sampleCounts.households).toBeGreaterThan(0);
    expect(sampleCounts.beneficiaries).toBeGreaterThan(0);
    expect(sampleCounts.progress).toBeGreaterThan(0);
    const checksums = new Set<string>();
    for (const job of jobs) {
      const receipt = receiptOf(job);
      const res = await fetch(`${worker.url}/api/submissions/${receipt.id}`, { headers: { Authorization: `Bearer ${job.commune.token}` } });
      expect(res.status).toBe(200);
      const detail = SubmissionDetail.parse(await res.json());
      expect(detail.checksum).toBe(receipt.checksum);
      expect(sha256(JSON.stringify(detail.sheets))).toBe(receipt.checksum);
      expect(detail.sheets).toEqual(JSON.parse(JSON.stringify(job.sheets)));
      expect(detail.rowCounts).toEqual(sampleCounts);
      checksums.add(receipt.checksum);
    }
    expect(checksums.size).toBe(jobs.length);

    // ---- in the database itself, with the Worker stopped: every part present, nothing orphaned ----
    await worker.kill();
    const parts = await queryLocal<{ submission_id: string; part: string; chunks: number; max_seq: number; rows: number }>(
      worker.persistDir,
      `SELECT submission_id, part, COUNT(*) AS chunks, MAX(seq) AS max_seq,
         SUM(CASE WHEN part = 'sheets' THEN 0 ELSE json_array_length(body) END) AS rows
       FROM submission_parts GROUP BY submission_id, part`,
    );
    const [totals] = await queryLocal<{ submissions: number; keys: number; orphan_parts: number; orphan_keys: number }>(
      worker.persistDir,
      `SELECT (SELECT COUNT(*) FROM submissions) AS submissions, (SELECT COUNT(*) FROM idempotency_keys) AS keys,
         (SELECT COUNT(*) FROM submission_parts WHERE submission_id NOT IN (SELECT id FROM submissions)) AS orphan_parts,
         (SELECT COUNT(*) FROM idempotency_keys WHERE submission_id NOT IN (SELECT id FROM submissions)) AS orphan_keys`,
    );
    expect(totals).toEqual({ submissions: jobs.length, keys: jobs.length, orphan_parts: 0, orphan_keys: 0 });
    for (const job of jobs) {
      const { id, rowCounts } = receiptOf(job);
      const mine = parts.filter((p) => p.submission_id === id);
      expect(mine.every((p) => p.max_seq === p.chunks - 1), `${id}: chunks numbered without a gap`).toBe(true);
      const rows = Object.fromEntries(mine.filter((p) => p.part !== 'sheets').map((p) => [p.part, p.rows]));
      expect({ sheets: mine.some((p) => p.part === 'sheets'), ...rows }, id).toEqual({ sheets: true, ...rowCounts });
    }
  });
});
