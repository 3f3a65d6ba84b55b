import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { SubmissionDetail, SubmissionReceipt } from '../../shared/api.ts';
import { TOKENS, call, expectError, onFixtureAt } from './helpers.ts';

/**
 * Stored rows are read back with their kind's record (shared/kinds/<kind>/record.ts) and the
 * sheets with their request schema: a chunk of the real local D1 that does not match is answered
 * 500 STORED_DATA_INVALID in Vietnamese, naming the submission and where in it — no stack, and
 * nothing left out as if it had not been there.
 */

const clean = inject('samples')['workbook-xuan-hoa-2024-clean']!;

async function submit(): Promise<SubmissionReceipt> {
  const res = await call('POST', '/api/submissions', { token: TOKENS.commune, json: { period: '2024-Y', sheets: clean.grids.map((grid) => ({ grid })) } });
  expect(res.status).toBe(201);
  return SubmissionReceipt.parse(await res.json());
}

/** Rewrites one stored chunk with SQL on its body. */
async function corrupt(submissionId: string, part: string, seq: number, body: string, ...values: unknown[]): Promise<void> {
  const done = await env.DB.prepare(`UPDATE submission_parts SET body = ${body} WHERE submission_id = ? AND part = ? AND seq = ?`)
    .bind(...values, submissionId, part, seq)
    .run();
  expect(done.meta.changes).toBe(1);
}

const summary = () => call('GET', '/api/district/summary?period=2024-Y', { token: TOKENS.district });

async function expectStoredDataInvalid(res: Response, id: string): Promise<{ path: (string | number)[]; message: string }[]> {
  const text = await res.clone().text();
  const error = await expectError(res, 500, 'STORED_DATA_INVALID');
  expect(error.message).toBe(
    `Dữ liệu đã lưu của bản nộp "${id}" bị hỏng hoặc không đúng cấu trúc nên không đọc được; vui lòng báo quản trị (stored data of the submission does not match its schema)`,
  );
  expect(text).not.toMatch(/\bat \w|\.ts:\d|stack/);
  return error.issues ?? [];
}

onFixtureAt('2024-12-05T03:00:00Z');

describe('stored data read back', () => {
  it('reads a household whose income is not a number: STORED_DATA_INVALID at its part, page, row and field', async () => {
    const { id } = await submit();
    expect((await summary()).status).toBe(200);
    await corrupt(id, 'households', 0, "json_set(body, '$[3].income', ?)", 'nhiều');
    const issues = await expectStoredDataInvalid(await summary(), id);
    expect(issues.map((i) => i.path)).toEqual([['households', 0, 3, 'income']]);
    expect(issues[0]?.message).toMatch(/^Đầu vào không hợp lệ/);
  });

  it('reads a beneficiary without its name field, and a page that is not JSON, as STORED_DATA_INVALID', async () => {
    const { id } = await submit();
    await corrupt(id, 'beneficiaries', 0, "json_remove(body, '$[0].fullName')");
    expect((await expectStoredDataInvalid(await summary(), id)).map((i) => i.path)).toEqual([['beneficiaries', 0, 0, 'fullName']]);
    await corrupt(id, 'beneficiaries', 0, 'substr(body, 1, 100)');
    expect((await expectStoredDataInvalid(await summary(), id)).map((i) => i.path)).toEqual([['beneficiaries', 0]]);
  });

  it('reads the sheets of a submission with their schema: GET /api/submissions/:id', async () => {
    const { id } = await submit();
    const before = await call('GET', `/api/submissions/${id}`, { token: TOKENS.commune });
    expect(SubmissionDetail.parse(await before.json()).sheets).toHaveLength(clean.grids.length);
    await corrupt(id, 'sheets', 0, "json_set(body, '$[0].grid.rows', ?)", 'không phải bảng');
    const issues = await expectStoredDataInvalid(await call('GET', `/api/submissions/${id}`, { token: TOKENS.commune }), id);
    expect(issues.map((i) => i.path)).toEqual([['sheets', 0, 'grid', 'rows']]);
  });
});

/** Every promise rejection nobody handled while a test ran (workerd's `unhandledrejection` event). */
const unhandled: unknown[] = [];
const noteUnhandled = (event: PromiseRejectionEvent): void => {
  unhandled.push(event.reason);
};
beforeEach(() => {
  unhandled.length = 0;
  addEventListener('unhandledrejection', noteUnhandled);
});
afterEach(() => removeEventListener('unhandledrejection', noteUnhandled));

/** The zip's end of central directory record: a whole archive ends with it. */
const END_OF_ZIP = [0x50, 0x4b, 0x05, 0x06];
const endsLikeZip = (bytes: Uint8Array): boolean => {
  const tail = [...bytes.subarray(Math.max(0, bytes.length - 22), Math.max(0, bytes.length - 18))];
  return tail.length === 4 && tail.every((b, i) => b === END_OF_ZIP[i]);
};

describe('GET /api/workbook with a corrupt chunk', () => {
  it('breaks the body off, with no unhandled rejection; the submission is left as stored', async () => {
    const { id } = await submit();
    const whole = await call('GET', '/api/workbook?period=2024-Y', { token: TOKENS.district });
    expect(endsLikeZip(new Uint8Array(await whole.arrayBuffer()))).toBe(true);
    await corrupt(id, 'households', 0, "json_set(body, '$[3].income', ?)", 'nhiều');
    const stored = await env.DB.prepare('SELECT part, seq, body FROM submission_parts WHERE submission_id = ? ORDER BY part, seq').bind(id).all();

    // The rows are read after the headers are sent (the workbook streams), so the answer is 200 and
    // its body breaks off. Read whole by the runtime (arrayBuffer), as workerd reads a body it sends.
    const res = await call('GET', '/api/workbook?period=2024-Y', { token: TOKENS.district });
    expect(res.status).toBe(200);
    await expect(res.arrayBuffer()).rejects.toThrow(/STORED_DATA_INVALID/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(unhandled.map(String)).toEqual([]);

    const after = await env.DB.prepare('SELECT part, seq, body FROM submission_parts WHERE submission_id = ? ORDER BY part, seq').bind(id).all();
    expect(after.results).toEqual(stored.results);
  });
});
