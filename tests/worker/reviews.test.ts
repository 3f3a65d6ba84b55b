import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import * as XLSX from 'xlsx';
import {
  type ErrorCode,
  type ReviewComment,
  ReviewActionResponse,
  ReviewAuditResponse,
  ReviewListResponse,
  StatusResponse,
  SubmissionReceipt,
} from '../../shared/api.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import type { ReviewState } from '../../shared/review.ts';
import type { D1Migration } from 'cloudflare:test';
import { createClient } from '../../worker/client.ts';
import { clock } from '../../worker/clock.ts';
import { sha256Hex } from '../../worker/crypto.ts';
import { insertCommune, insertRegion, insertToken, upsertPlan } from '../../worker/db/queries.ts';
import { ReviewLockedError, insertSubmission } from '../../worker/db/submissions.ts';
import app from '../../worker/index.ts';
import { NOW, TOKENS, call, expectError, seedFixture, seedSubmission } from './helpers.ts';

const clean = inject('samples')['workbook-xuan-hoa-2024-clean']!;
/** The progress report alone: a small, clean submission. */
const PROGRESS = clean.grids.filter((g) => g.name === 'Tien do').map((grid) => ({ grid }));
const PERIOD = '2024-Y';
const ON_TIME = new Date('2024-12-05T03:00:00Z');

/** Tokens beyond the fixture's: a district of another region, and a commune of that region. */
const OTHER = { district: 'fixture-district-nhu-xuan', commune: 'fixture-commune-xuan-binh' } as const;

async function addToken(id: string, token: string, info: { role: 'commune' | 'district'; communeId?: string; regionId?: string }) {
  await insertToken(env.DB, {
    info: {
      id,
      label: `Người thử ${id}`,
      role: info.role,
      communeId: info.communeId ?? null,
      regionId: info.regionId ?? null,
      demo: false,
      createdAt: NOW,
      revokedAt: null,
    },
    tokenHash: await sha256Hex(token),
  });
}

beforeEach(async () => {
  await seedFixture();
  await insertRegion(env.DB, { id: 'nhu-xuan', name: 'Như Xuân', level: 'district', province: 'Thanh Hoá' }, NOW);
  await insertCommune(env.DB, { id: 'xuan-binh', name: 'Xuân Bình', code: 'XB', regionId: 'nhu-xuan' }, NOW);
  await addToken('tok-other-district', OTHER.district, { role: 'district', regionId: 'nhu-xuan' });
  await addToken('tok-other-region-commune', OTHER.commune, { role: 'commune', communeId: 'xuan-binh' });
  clock.now = () => ON_TIME;
});

afterEach(() => {
  clock.now = () => new Date();
});

function submit(token: string = TOKENS.commune, key?: string): Promise<Response> {
  return call('POST', '/api/submissions', {
    token,
    json: { period: PERIOD, sheets: PROGRESS },
    ...(key === undefined ? {} : { headers: { 'Idempotency-Key': key } }),
  });
}

function act(action: string, token: string, json: unknown = {}, communeId = 'xuan-hoa'): Promise<Response> {
  return call('POST', `/api/reviews/${communeId}/${PERIOD}/${action}`, { token, json });
}

async function audit(communeId = 'xuan-hoa'): Promise<ReviewAuditResponse['transitions']> {
  const res = await call('GET', `/api/reviews/${communeId}/${PERIOD}/audit`, { token: TOKENS.admin });
  expect(res.status).toBe(200);
  return ReviewAuditResponse.parse(await res.json()).transitions;
}

async function stateOf(communeId = 'xuan-hoa'): Promise<ReviewState> {
  const res = await call('GET', `/api/reviews?period=${PERIOD}&communeId=${communeId}`, { token: TOKENS.admin });
  return ReviewListResponse.parse(await res.json()).reviews[0]!.state;
}

const ONE_COMMENT: ReviewComment[] = [{ scope: 'cell', sheet: 'Tien do', row: 8, column: 'E', text: 'Kinh phí chưa khớp' }];

/** Brings Xuân Hoà's 2024-Y report to a state through the API, as officers would. */
async function reach(state: ReviewState): Promise<void> {
  if (state === 'missing') return;
  expect((await submit()).status).toBe(201);
  if (state === 'accepted') expect((await act('accept', TOKENS.district)).status).toBe(200);
  if (state === 'returned') expect((await act('return', TOKENS.district, { comments: ONE_COMMENT })).status).toBe(200);
}

interface Caller {
  name: string;
  token: string;
  role: 'admin' | 'district' | 'commune';
  tokenId: string;
  /** A district of the commune's region, or an admin. */
  reviewer: boolean;
  /** Denied before the state is looked at: the status and code. */
  denied?: [number, ErrorCode];
}

const CALLERS: readonly Caller[] = [
  { name: 'admin', token: TOKENS.admin, role: 'admin', tokenId: 'tok-admin', reviewer: true },
  { name: 'district of the region', token: TOKENS.district, role: 'district', tokenId: 'tok-district', reviewer: true },
  { name: 'district of another region', token: OTHER.district, role: 'district', tokenId: 'tok-other-district', reviewer: false, denied: [404, 'COMMUNE_NOT_FOUND'] },
  { name: 'the commune', token: TOKENS.commune, role: 'commune', tokenId: 'tok-commune', reviewer: false, denied: [403, 'FORBIDDEN'] },
  { name: 'a commune of another region', token: OTHER.commune, role: 'commune', tokenId: 'tok-other-region-commune', reviewer: false, denied: [403, 'FORBIDDEN'] },
];

type Outcome = { to: ReviewState; recorded: boolean } | { error: [number, ErrorCode] };

/** A reviewer's outcome, by state and action, written out by hand. */
const REVIEWER: Record<ReviewState, Record<'accept' | 'return' | 'reopen', Outcome>> = {
  missing: {
    accept: { error: [409, 'REVIEW_NOTHING_SUBMITTED'] },
    return: { error: [409, 'REVIEW_NOTHING_SUBMITTED'] },
    reopen: { error: [409, 'REVIEW_NOTHING_SUBMITTED'] },
  },
  submitted: { accept: { to: 'accepted', recorded: true }, return: { to: 'returned', recorded: true }, reopen: { error: [409, 'REVIEW_NOT_ACCEPTED'] } },
  accepted: { accept: { to: 'accepted', recorded: false }, return: { error: [409, 'REVIEW_NOT_AWAITING'] }, reopen: { to: 'submitted', recorded: true } },
  returned: {
    accept: { error: [409, 'REVIEW_NOT_AWAITING'] },
    return: { error: [409, 'REVIEW_NOT_AWAITING'] },
    reopen: { error: [409, 'REVIEW_NOT_ACCEPTED'] },
  },
};

const CASES = (['missing', 'submitted', 'accepted', 'returned'] as const).flatMap((state) =>
  (['accept', 'return', 'reopen'] as const).flatMap((action) =>
    CALLERS.map((caller) => {
      const outcome: Outcome = caller.denied ? { error: caller.denied } : REVIEWER[state][action];
      return { state, action, caller, outcome, label: 'error' in outcome ? outcome.error.join(' ') : `→ ${outcome.to}${outcome.recorded ? '' : ' (no transition)'}` };
    }),
  ),
);

describe('every transition for every role', () => {
  it.each(CASES)('$action in $state by $caller.name: $label', async ({ state, action, caller, outcome }) => {
    await reach(state);
    const before = await audit();
    const res = await act(action, caller.token, action === 'return' ? { comments: ONE_COMMENT } : {});
    const after = await audit();
    if ('error' in outcome) {
      await expectError(res, ...outcome.error);
      expect(after).toEqual(before);
      expect(await stateOf()).toBe(state);
      return;
    }
    expect(res.status).toBe(200);
    const body = ReviewActionResponse.parse(await res.json());
    expect(body.review.state).toBe(outcome.to);
    expect(await stateOf()).toBe(outcome.to);
    if (!outcome.recorded) {
      expect(body.transition).toBeNull();
      expect(after).toEqual(before);
      return;
    }
    expect(after).toHaveLength(before.length + 1);
    const last = after.at(-1)!;
    const { comments: _comments, ...recorded } = last;
    expect(body.transition).toEqual(recorded);
    expect(last).toMatchObject({
      communeId: 'xuan-hoa',
      period: PERIOD,
      revision: before.length + 1,
      version: 1,
      from: state,
      to: outcome.to,
      action,
      role: caller.role,
      actor: `Người thử ${caller.tokenId}`,
      tokenId: caller.tokenId,
      at: ON_TIME.toISOString(),
      commentCount: action === 'return' ? 1 : 0,
      commentSummary: action === 'return' ? 'Kinh phí chưa khớp' : null,
      comments: action === 'return' ? ONE_COMMENT : [],
    });
  });

  it.each([
    ['missing', 201, null],
    ['submitted', 201, null],
    ['returned', 201, null],
    ['accepted', 409, 'REVIEW_LOCKED'],
  ] as const)('a new version from the commune in %s → %i', async (state, status, code) => {
    await reach(state);
    const before = await audit();
    const res = await submit();
    if (code !== null) {
      const error = await expectError(res, status, code);
      expect(error.message).toContain('đã được duyệt');
      expect(await audit()).toEqual(before);
      return;
    }
    expect(res.status).toBe(201);
    const receipt = SubmissionReceipt.parse(await res.json());
    const after = await audit();
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toEqual({
      id: expect.stringMatching(/^rvt_/),
      communeId: 'xuan-hoa',
      period: PERIOD,
      revision: before.length + 1,
      submissionId: receipt.id,
      version: receipt.version,
      from: state,
      to: 'submitted',
      action: 'submit',
      role: 'commune',
      actor: 'Người thử tok-commune',
      tokenId: 'tok-commune',
      at: ON_TIME.toISOString(),
      commentCount: 0,
      commentSummary: null,
      comments: [],
    });
    expect(await stateOf()).toBe('submitted');
  });
});

describe('comments', () => {
  const COMMENTS: ReviewComment[] = [
    { scope: 'report', text: 'Báo cáo còn thiếu chữ ký của Chủ tịch UBND xã.' },
    { scope: 'sheet', sheet: 'Tien do', text: 'Bảng "Tiến độ" cần ghi rõ ĐVT: đồng' },
    { scope: 'row', sheet: 'Tien do', row: 12, text: "Dòng này trùng với dòng 11 — kiểm tra lại 'TDA 2'" },
    { scope: 'cell', sheet: 'Tien do', row: 8, column: 'AB', text: '=1+1' },
    { scope: 'cell', sheet: 'Tien do', row: 9, column: 'E', text: '  Số tiền 👍🏽 sai\r\nXem lại 🇻🇳 ' },
    // Decomposed (NFD) Vietnamese stays decomposed.
    { scope: 'report', text: 'Hoa\u0300 va\u0300 Thu\u0309y' },
  ];

  it('reads a returned report’s comments back byte-exact, for the commune, the district and the audit', async () => {
    await reach('submitted');
    const res = await act('return', TOKENS.district, { comments: COMMENTS });
    expect(res.status).toBe(200);
    expect(ReviewActionResponse.parse(await res.json()).review.comments).toEqual(COMMENTS);
    for (const token of [TOKENS.commune, TOKENS.district]) {
      const list = ReviewListResponse.parse(await (await call('GET', `/api/reviews?period=${PERIOD}`, { token })).json());
      const hoa = list.reviews.find((r) => r.communeId === 'xuan-hoa')!;
      expect(hoa).toMatchObject({ state: 'returned', version: 1, revision: 2 });
      expect(hoa.comments).toEqual(COMMENTS);
      // Byte for byte, not only equal as strings after some normalisation.
      expect(hoa.comments.map((c) => [...new TextEncoder().encode(c.text)])).toEqual(COMMENTS.map((c) => [...new TextEncoder().encode(c.text)]));
    }
    const last = (await audit()).at(-1)!;
    expect(last.comments).toEqual(COMMENTS);
    expect(last).toMatchObject({ commentCount: 6, commentSummary: COMMENTS[0]!.text });
  });

  it('keeps the comments of a return listed after the next version (the audit), and the current state’s only in the list', async () => {
    await reach('returned');
    expect((await submit()).status).toBe(201);
    const list = ReviewListResponse.parse(await (await call('GET', `/api/reviews?period=${PERIOD}`, { token: TOKENS.commune })).json());
    expect(list.reviews).toEqual([
      { communeId: 'xuan-hoa', communeName: 'Xuân Hoà', period: PERIOD, state: 'submitted', version: 2, submissionId: expect.any(String), updatedAt: ON_TIME.toISOString(), revision: 3, comments: [] },
    ]);
    expect((await audit()).map((t) => [t.action, t.comments])).toEqual([
      ['submit', []],
      ['return', ONE_COMMENT],
      ['submit', []],
    ]);
  });

  it('refuses a return without a comment (422), a blank or too long comment and a bad cell (400), and records nothing', async () => {
    await reach('submitted');
    await expectError(await act('return', TOKENS.district, {}), 422, 'REVIEW_COMMENT_REQUIRED');
    await expectError(await act('return', TOKENS.district, { comments: [] }), 422, 'REVIEW_COMMENT_REQUIRED');
    for (const bad of [
      { scope: 'report', text: '   ' },
      { scope: 'report', text: 'x'.repeat(2001) },
      { scope: 'cell', sheet: 'Tien do', row: 0, column: 'E', text: 'x' },
      { scope: 'cell', sheet: 'Tien do', row: 3, column: 'e1', text: 'x' },
      { scope: 'row', sheet: 'Tien do', text: 'x' },
      { scope: 'report', sheet: 'Tien do', text: 'x' },
    ]) {
      await expectError(await act('return', TOKENS.district, { comments: [bad] }), 400, 'INVALID_REQUEST');
    }
    expect(await audit()).toHaveLength(1);
    const ok = await act('return', TOKENS.district, { comments: [{ scope: 'report', text: 'ữ'.repeat(2000) }] });
    expect(ok.status).toBe(200);
    expect((await audit()).at(-1)!.comments).toEqual([{ scope: 'report', text: 'ữ'.repeat(2000) }]);
  });
});

describe('the lock', () => {
  it('refuses a new version of an accepted report with 409 REVIEW_LOCKED until reopened, then takes it as chờ duyệt', async () => {
    await reach('accepted');
    const locked = await expectError(await submit(), 409, 'REVIEW_LOCKED');
    expect(locked.message).toMatch(/^Báo cáo kỳ này đã được duyệt/);
    // Not the idempotency conflict: another code and another text.
    expect(locked.message).not.toContain('Idempotency');
    expect((await act('reopen', TOKENS.district, { comments: [{ scope: 'report', text: 'Mở lại để xã bổ sung' }] })).status).toBe(200);
    const again = await submit();
    expect(again.status).toBe(201);
    expect(SubmissionReceipt.parse(await again.json()).version).toBe(2);
    expect((await audit()).map((t) => `${t.action}:${t.from}→${t.to}@v${t.version}`)).toEqual([
      'submit:missing→submitted@v1',
      'accept:submitted→accepted@v1',
      'reopen:accepted→submitted@v1',
      'submit:submitted→submitted@v2',
    ]);
    expect(await stateOf()).toBe('submitted');
  });

  it('replays a submission’s first answer for its Idempotency-Key even once accepted, but refuses a new body', async () => {
    const first = await submit(TOKENS.commune, 'key-1');
    expect(first.status).toBe(201);
    expect((await act('accept', TOKENS.district)).status).toBe(200);
    const replay = await submit(TOKENS.commune, 'key-1');
    expect(replay.status).toBe(201);
    expect(SubmissionReceipt.parse(await replay.json()).version).toBe(1);
    await expectError(await submit(TOKENS.commune, 'key-2'), 409, 'REVIEW_LOCKED');
  });

  it('is held by the database too: a stored insert for an accepted report rolls back whole', async () => {
    await seedSubmission();
    expect((await call('POST', `/api/reviews/xuan-hoa/${PERIOD}/accept`, { token: TOKENS.district, json: {} })).status).toBe(200);
    await expect(
      insertSubmission(env.DB, {
        id: 'sub-late',
        communeId: 'xuan-hoa',
        period: PERIOD,
        kinds: ['progress'],
        tokenId: 'tok-commune',
        submittedBy: 'Người thử tok-commune',
        receivedAt: '2024-12-02T00:00:00.000Z',
        late: false,
        deadline: '2024-12-10',
        checksum: '1'.repeat(64),
        rowCounts: { households: 0, beneficiaries: 0, progress: 0 },
        rulePack: 'mdp-2022',
        reportDate: '2024-12-31',
        warnings: [],
        parts: [['sheets', ['[]']]],
        idempotency: null,
      }),
    ).rejects.toBeInstanceOf(ReviewLockedError);
    const parts = await env.DB.prepare("SELECT COUNT(*) AS n FROM submission_parts WHERE submission_id = 'sub-late'").first<{ n: number }>();
    const rows = await env.DB.prepare("SELECT COUNT(*) AS n FROM submissions WHERE id = 'sub-late'").first<{ n: number }>();
    expect([parts?.n, rows?.n]).toEqual([0, 0]);
    expect(await audit()).toHaveLength(2);
  });

  it('refuses an accept of a version older than the one received (409 REVIEW_STALE_VERSION)', async () => {
    await reach('submitted');
    expect((await submit()).status).toBe(201);
    await expectError(await act('accept', TOKENS.district, { version: 1 }), 409, 'REVIEW_STALE_VERSION');
    const ok = ReviewActionResponse.parse(await (await act('accept', TOKENS.district, { version: 2 })).json());
    expect(ok.review).toMatchObject({ state: 'accepted', version: 2 });
  });
});

describe('migration 0005', () => {
  it('puts the reports received before reviews existed at chờ duyệt, their latest version, with the submission in the audit', async () => {
    // Two versions stored as before migration 0005: straight into submissions, no review rows.
    for (const [id, version] of [['sub-old-1', 1], ['sub-old-2', 2]] as const) {
      await env.DB.prepare(
        `INSERT INTO submissions (id, commune_id, period, version, kinds, token_id, submitted_by, received_at, late, deadline, checksum,
           row_counts, rule_pack, report_date, warnings)
         VALUES (?, 'xuan-hoa', ?, ?, '["progress"]', 'tok-commune', 'Người thử tok-commune', ?, 0, '2024-12-10', ?, '{"households":0,"beneficiaries":0,"progress":0}',
           'mdp-2022', '2024-12-31', '[]')`,
      )
        .bind(id, PERIOD, version, `2024-12-0${version}T00:00:00.000Z`, '0'.repeat(64))
        .run();
    }
    expect(await stateOf()).toBe('missing');
    const { TEST_MIGRATIONS } = env as typeof env & { TEST_MIGRATIONS: D1Migration[] };
    const backfill = TEST_MIGRATIONS.filter((m) => m.name.startsWith('0005')).flatMap((m) => m.queries.filter((q) => /^\s*INSERT INTO review_/i.test(q)));
    expect(backfill).toHaveLength(2);
    await env.DB.batch(backfill.map((q) => env.DB.prepare(q)));
    expect(await stateOf()).toBe('submitted');
    expect((await audit()).map((t) => [t.submissionId, t.version, t.from, t.to, t.actor, t.at])).toEqual([
      ['sub-old-2', 2, 'missing', 'submitted', 'Người thử tok-commune', '2024-12-02T00:00:00.000Z'],
    ]);
    expect((await act('accept', TOKENS.district, { version: 2 })).status).toBe(200);
  });
});

describe('the audit', () => {
  it('is never updated or deleted, even straight in D1', async () => {
    await reach('returned');
    await expect(env.DB.prepare(`UPDATE review_transitions SET actor = 'B'`).run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare(`DELETE FROM review_transitions`).run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare(`UPDATE review_comments SET body = 'y'`).run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare(`DELETE FROM review_comments`).run()).rejects.toThrow(/append-only/);
    expect((await audit()).map((t) => [t.actor, t.comments])).toEqual([
      ['Người thử tok-commune', []],
      ['Người thử tok-district', ONE_COMMENT],
    ]);
  });

  it('is read by the district of the region and an admin; the commune and another district are refused', async () => {
    await reach('submitted');
    expect((await call('GET', `/api/reviews/xuan-hoa/${PERIOD}/audit`, { token: TOKENS.district })).status).toBe(200);
    await expectError(await call('GET', `/api/reviews/xuan-hoa/${PERIOD}/audit`, { token: TOKENS.commune }), 403, 'FORBIDDEN');
    await expectError(await call('GET', `/api/reviews/xuan-hoa/${PERIOD}/audit`, { token: OTHER.district }), 404, 'COMMUNE_NOT_FOUND');
    await expectError(await call('GET', `/api/reviews/xuan-hoa/2024-13/audit`, { token: TOKENS.district }), 400, 'INVALID_REQUEST');
  });
});

describe('GET /api/reviews', () => {
  it('lists the district’s communes, the commune’s own, any for an admin', async () => {
    await reach('submitted');
    const names = async (token: string, query = '') =>
      ReviewListResponse.parse(await (await call('GET', `/api/reviews?period=${PERIOD}${query}`, { token })).json()).reviews.map(
        (r) => `${r.communeName}:${r.state}`,
      );
    expect(await names(TOKENS.district)).toEqual(['Xuân Hoà:submitted', 'Xuân Lai:missing']);
    expect(await names(TOKENS.commune)).toEqual(['Xuân Hoà:submitted']);
    expect(await names(TOKENS.otherCommune)).toEqual(['Xuân Lai:missing']);
    expect(await names(TOKENS.admin)).toEqual(['Xuân Bình:missing', 'Xuân Hoà:submitted', 'Xuân Lai:missing']);
    expect(await names(OTHER.district)).toEqual(['Xuân Bình:missing']);
    await expectError(await call('GET', `/api/reviews?period=${PERIOD}&communeId=xuan-lai`, { token: TOKENS.commune }), 404, 'COMMUNE_NOT_FOUND');
    await expectError(await call('GET', `/api/reviews?period=${PERIOD}&communeId=xuan-hoa`, { token: OTHER.district }), 404, 'COMMUNE_NOT_FOUND');
    await expectError(await call('GET', `/api/reviews?period=2024`, { token: TOKENS.district }), 400, 'INVALID_REQUEST');
  });

  it('shows the review state in /api/status beside on time / late / missing', async () => {
    await upsertPlan(env.DB, 'xuan-lai', 2024, { ...XUAN_HOA_2024, id: 'xuan-lai-2024', commune: { ...XUAN_HOA_2024.commune, id: 'xuan-lai', name: 'Xuân Lai' } }, NOW);
    await reach('accepted');
    expect((await submit(TOKENS.otherCommune)).status).toBe(201);
    const body = StatusResponse.parse(await (await call('GET', `/api/status?period=${PERIOD}`, { token: TOKENS.district })).json());
    expect(body.communes.map((c) => [c.commune.id, c.kinds.map((k) => k.state).join(','), c.review.state, c.review.version])).toEqual([
      ['xuan-hoa', 'missing,missing,onTime', 'accepted', 1],
      ['xuan-lai', 'missing,missing,onTime', 'submitted', 1],
    ]);
  });
});

describe('two officers at once', () => {
  it('two accepts: both answer 200, one transition recorded', async () => {
    await reach('submitted');
    const answers = await Promise.all([act('accept', TOKENS.district), act('accept', TOKENS.admin)]);
    const bodies = await Promise.all(answers.map(async (r) => ({ status: r.status, body: ReviewActionResponse.parse(await r.json()) })));
    expect(bodies.map((b) => b.status)).toEqual([200, 200]);
    expect(bodies.filter((b) => b.body.transition !== null)).toHaveLength(1);
    const trail = await audit();
    expect(trail.map((t) => `${t.action}:${t.to}`)).toEqual(['submit:submitted', 'accept:accepted']);
    expect(await stateOf()).toBe('accepted');
  });

  it('accepts and returns sent together end in one state, with every successful transition in the audit', async () => {
    await reach('submitted');
    const sent = [
      act('accept', TOKENS.district),
      act('return', TOKENS.admin, { comments: ONE_COMMENT }),
      act('return', TOKENS.district, { comments: [{ scope: 'report', text: 'Lần hai' }] }),
      act('accept', TOKENS.admin),
    ];
    const answers = await Promise.all(sent);
    const results = await Promise.all(answers.map(async (r) => ({ status: r.status, body: (await r.json()) as unknown })));
    const transitions = results.flatMap((r) => (r.status === 200 ? [ReviewActionResponse.parse(r.body).transition] : [])).filter((t) => t !== null);
    for (const r of results) if (r.status !== 200) expect(r.status).toBe(409);
    const trail = await audit();
    // Exactly the submission and the one winner: every 200 with a transition is in the audit, nothing else.
    expect(trail).toHaveLength(2);
    expect(transitions).toHaveLength(1);
    expect(trail.slice(1).map(({ comments: _c, ...t }) => t)).toEqual(transitions);
    expect(trail.map((t) => t.revision)).toEqual([1, 2]);
    expect(await stateOf()).toBe(trail.at(-1)!.to);
  });

  it('a new version and an accept sent together: one wins, the audit and the state agree', async () => {
    await reach('submitted');
    const [sub, acc] = await Promise.all([submit(), act('accept', TOKENS.district, { version: 1 })]);
    const trail = await audit();
    expect(trail.map((t) => t.revision)).toEqual(trail.map((_t, i) => i + 1));
    const state = await stateOf();
    expect(state).toBe(trail.at(-1)!.to);
    if (sub.status === 201) {
      // The new version came first: the accept of version 1 is stale, or came before it and the version after was locked.
      expect([acc.status, state]).toEqual([409, 'submitted']);
    } else {
      await expectError(sub, 409, 'REVIEW_LOCKED');
      expect([acc.status, state]).toEqual([200, 'accepted']);
    }
  });
});

describe('the typed client (hc<AppType>)', () => {
  it('returns a report, reads the list and the audit with typed params and bodies', async () => {
    await reach('submitted');
    const client = createClient('https://localhost:8787', TOKENS.district, {
      fetch: (input, init) => Promise.resolve(app.fetch(new Request(input, init), env)),
    });
    const returned = await client.api.reviews[':communeId'][':period'][':action'].$post({
      param: { communeId: 'xuan-hoa', period: PERIOD, action: 'return' },
      json: { comments: ONE_COMMENT, version: 1 },
    });
    expect(returned.status).toBe(200);
    if (returned.ok) expect((await returned.json()).review.state).toBe('returned');
    const list = await client.api.reviews.$get({ query: { period: PERIOD } });
    expect(list.ok && (await list.json()).reviews.map((r) => r.state)).toEqual(['returned', 'missing']);
    const trail = await client.api.reviews[':communeId'][':period'].audit.$get({ param: { communeId: 'xuan-hoa', period: PERIOD } });
    expect(trail.ok && (await trail.json()).transitions.map((t) => t.action)).toEqual(['submit', 'return']);
  });
});

describe('the merged workbook', () => {
  async function book(query: string): Promise<XLSX.WorkBook> {
    const res = await call('GET', `/api/workbook?period=${PERIOD}${query}`, { token: TOKENS.district });
    expect(res.status).toBe(200);
    return XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: 'array' });
  }
  const rows = (b: XLSX.WorkBook, name: string) =>
    XLSX.utils.sheet_to_json<unknown[]>(b.Sheets[name] as XLSX.WorkSheet, { header: 1, blankrows: false, defval: null });

  it('shows each commune’s review state on Tổng hợp, and with accepted=1 merges the accepted reports only', async () => {
    await upsertPlan(env.DB, 'xuan-lai', 2024, { ...XUAN_HOA_2024, id: 'xuan-lai-2024', commune: { ...XUAN_HOA_2024.commune, id: 'xuan-lai', name: 'Xuân Lai' } }, NOW);
    await reach('accepted');
    expect((await submit(TOKENS.otherCommune)).status).toBe(201);

    const all = await book('');
    const summary = rows(all, 'Tổng hợp');
    // An ungrouped column's heading is on the first of the two heading rows (merged down).
    const header = summary[2] as unknown[];
    const at = header.indexOf('Trạng thái duyệt');
    expect(at).toBe(25);
    expect(summary.filter((r) => r[1] === 'Xuân Hoà' || r[1] === 'Xuân Lai' || r[1] === 'Tổng cộng').map((r) => [r[1], r[at]])).toEqual([
      ['Xuân Hoà', 'Đã duyệt'],
      ['Xuân Lai', 'Chờ duyệt'],
      ['Tổng cộng', 'Đã duyệt 1/2 xã'],
    ]);
    const progressCommunes = (b: XLSX.WorkBook) => [...new Set(rows(b, 'Tiến độ').slice(4).map((r) => r[0]).filter((v) => v === 'Xuân Hoà' || v === 'Xuân Lai'))];
    expect(progressCommunes(all)).toEqual(['Xuân Hoà', 'Xuân Lai']);

    const accepted = await book('&accepted=1');
    expect(progressCommunes(accepted)).toEqual(['Xuân Hoà']);
    expect(rows(accepted, 'Tổng hợp').filter((r) => r[1] === 'Xuân Lai').map((r) => r[at])).toEqual(['Chờ duyệt']);
    await expectError(await call('GET', `/api/workbook?period=${PERIOD}&accepted=yes`, { token: TOKENS.district }), 400, 'INVALID_REQUEST');
  });
});
