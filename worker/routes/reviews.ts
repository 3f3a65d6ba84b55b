import { Hono } from 'hono';
import {
  type Commune,
  type ErrorCode,
  type ReviewActionResponse,
  ReviewActionParams,
  type ReviewAuditResponse,
  type ReviewListResponse,
  ReviewParams,
  ReviewRequest,
  type ReviewSummary,
  ReviewsQuery,
} from '../../shared/api.ts';
import { type ReviewRefusal, transition } from '../../shared/review.ts';
import { ApiError } from '../api-error.ts';
import { clock } from '../clock.ts';
import { DIRECTORY_BINDING, databaseOf, listRegionBindings } from '../db/directory.ts';
import { findCommune } from '../db/queries.ts';
import {
  type StoredReviewState,
  allReviewStates,
  applyReviewTransition,
  commentsOf,
  currentTransitionIds,
  findReviewState,
  findTransition,
  listAllCommunes,
  listTransitions,
  reviewStatesOfRegion,
} from '../db/reviews.ts';
import { listRegionCommunes } from '../db/submissions.ts';
import type { AppEnv } from '../env.ts';
import { allow } from '../middleware/allow.ts';
import { validate } from '../middleware/validate.ts';
import type { Principal } from '../principal.ts';

/** Tries of a transition that lost a race: after that the officer is asked to reload (409). */
const MAX_TRIES = 4;

/** Why the state machine refused, as the API answers it: the status and the code. */
const REFUSALS: Readonly<Record<ReviewRefusal, readonly [403 | 409 | 422, ErrorCode]>> = {
  ROLE: [403, 'FORBIDDEN'],
  LOCKED: [409, 'REVIEW_LOCKED'],
  NOTHING_SUBMITTED: [409, 'REVIEW_NOTHING_SUBMITTED'],
  NOT_AWAITING_REVIEW: [409, 'REVIEW_NOT_AWAITING'],
  NOT_ACCEPTED: [409, 'REVIEW_NOT_ACCEPTED'],
  COMMENT_REQUIRED: [422, 'REVIEW_COMMENT_REQUIRED'],
};

function refusalError(refusal: ReviewRefusal): ApiError {
  const [status, code] = REFUSALS[refusal];
  return new ApiError(status, code);
}

/**
 * The commune, if the caller may see its reviews: its own commune, a commune of the district's
 * region, any commune for an admin. Anyone else gets 404, not a hint that it exists.
 */
async function communeInScope(db: D1Database, principal: Principal, communeId: string): Promise<Commune> {
  const commune = await findCommune(db, communeId);
  const allowed =
    commune !== null &&
    (principal.role === 'admin' ||
      (principal.role === 'district' && principal.regionId === commune.regionId) ||
      (principal.role === 'commune' && principal.communeId === commune.id));
  if (!allowed) throw new ApiError(404, 'COMMUNE_NOT_FOUND', { params: { id: communeId } });
  return commune;
}

/** The summaries of some communes' reports for one period, with the comments of each current state. */
async function summaries(
  db: D1Database,
  communes: readonly Commune[],
  period: string,
  states: ReadonlyMap<string, StoredReviewState>,
): Promise<ReviewSummary[]> {
  const present = communes.flatMap((c) => {
    const s = states.get(c.id);
    return s === undefined ? [] : [s];
  });
  const current = await currentTransitionIds(db, present);
  const comments = await commentsOf(db, [...current.values()]);
  return communes.map((commune): ReviewSummary => {
    const s = states.get(commune.id);
    const transitionId = current.get(commune.id);
    return {
      communeId: commune.id,
      communeName: commune.name,
      period,
      state: s?.state ?? 'missing',
      version: s?.version ?? null,
      submissionId: s?.submissionId ?? null,
      updatedAt: s?.updatedAt ?? null,
      revision: s?.revision ?? 0,
      comments: transitionId === undefined ? [] : (comments.get(transitionId) ?? []),
    };
  });
}

/**
 * An admin's view of every commune: the directory's communes, each database asked only about the
 * communes of its own regions (no query spans two databases), answered in the directory's order.
 */
async function summariesOfAll(env: Env, directory: D1Database, period: string): Promise<ReviewSummary[]> {
  const [communes, bindings] = await Promise.all([listAllCommunes(directory), listRegionBindings(directory)]);
  const groups = new Map<string, Commune[]>();
  for (const commune of communes) {
    const binding = bindings.get(commune.regionId) ?? DIRECTORY_BINDING;
    groups.set(binding, [...(groups.get(binding) ?? []), commune]);
  }
  const byCommune = new Map<string, ReviewSummary>();
  for (const [binding, members] of groups) {
    const { db } = databaseOf(env, directory, binding, members[0]?.regionId ?? '');
    const ids = new Set(members.map((m) => m.id));
    const states = new Map([...(await allReviewStates(db, period))].filter(([communeId]) => ids.has(communeId)));
    for (const summary of await summaries(db, members, period, states)) byCommune.set(summary.communeId, summary);
  }
  return communes.flatMap((commune) => {
    const summary = byCommune.get(commune.id);
    return summary === undefined ? [] : [summary];
  });
}

async function summaryOf(db: D1Database, commune: Commune, period: string): Promise<ReviewSummary> {
  const state = await findReviewState(db, commune.id, period);
  const [summary] = await summaries(db, [commune], period, new Map(state === null ? [] : [[commune.id, state]]));
  if (summary === undefined) throw new Error('review summary vanished');
  return summary;
}

export const reviews = new Hono<AppEnv>()
  /**
   * GET /api/reviews?period=&communeId= — the review of each commune's report for the period: the
   * district's communes, the commune's own, any for an admin; with the comments to fix.
   */
  .get('/', allow('commune', 'district', 'admin'), validate('query', ReviewsQuery), async (c) => {
    const principal = c.var.principal;
    const { period, communeId } = c.req.valid('query');
    let body: ReviewListResponse;
    if (communeId !== undefined || principal.role === 'commune') {
      const commune = await communeInScope(c.var.db, principal, communeId ?? (principal.role === 'commune' ? principal.communeId : ''));
      const db = await c.var.regionDb(commune.regionId);
      const state = await findReviewState(db, commune.id, period);
      const states = new Map(state === null ? [] : [[commune.id, state]]);
      body = { period, reviews: await summaries(db, [commune], period, states) };
    } else if (principal.role === 'district') {
      const db = await c.var.regionDb(principal.regionId);
      const [communes, states] = await Promise.all([listRegionCommunes(db, principal.regionId), reviewStatesOfRegion(db, principal.regionId, period)]);
      body = { period, reviews: await summaries(db, communes, period, states) };
    } else {
      body = { period, reviews: await summariesOfAll(c.env, c.var.db, period) };
    }
    return c.json(body, 200);
  })
  /** GET /api/reviews/{communeId}/{period}/audit — every recorded transition with its comments, oldest first. */
  .get('/:communeId/:period/audit', allow('district', 'admin'), validate('param', ReviewParams), async (c) => {
    const { communeId, period } = c.req.valid('param');
    const commune = await communeInScope(c.var.db, c.var.principal, communeId);
    const db = await c.var.regionDb(commune.regionId);
    const transitions = await listTransitions(db, commune.id, period);
    const comments = await commentsOf(db, transitions.map((t) => t.id));
    const body: ReviewAuditResponse = {
      communeId: commune.id,
      period,
      transitions: transitions.map((t) => ({ ...t, comments: comments.get(t.id) ?? [] })),
    };
    return c.json(body, 200);
  })
  /**
   * POST /api/reviews/{communeId}/{period}/{accept|return|reopen} — the district of the commune's
   * region (or an admin) acts on the report; the state machine (shared/review.ts) decides, the
   * transition is recorded with its comments. A second accept changes nothing (transition: null).
   */
  .post(
    '/:communeId/:period/:action',
    allow('district', 'admin'),
    validate('param', ReviewActionParams),
    validate('json', ReviewRequest),
    async (c) => {
      const principal = c.var.principal;
      const { communeId, period, action } = c.req.valid('param');
      const request = c.req.valid('json');
      const commune = await communeInScope(c.var.db, principal, communeId);
      const db = await c.var.regionDb(commune.regionId);
      for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
        const state = await findReviewState(db, commune.id, period);
        const next = transition(state?.state ?? 'missing', action, principal.role, request.comments.length);
        if (!next.ok) throw refusalError(next.refusal);
        // Unreachable for a reviewer (the machine refuses every action in chưa nộp), but it types the state.
        if (state === null) throw refusalError('NOTHING_SUBMITTED');
        if (request.version !== undefined && request.version !== state.version) {
          throw new ApiError(409, 'REVIEW_STALE_VERSION', { params: { count: state.version } });
        }
        if (!next.changed) {
          const body: ReviewActionResponse = { review: await summaryOf(db, commune, period), transition: null };
          return c.json(body, 200);
        }
        const id = `rvt_${crypto.randomUUID()}`;
        const applied = await applyReviewTransition(db, {
          id,
          communeId: commune.id,
          period,
          action,
          from: state,
          to: next.to,
          actor: { role: principal.role, label: principal.label, tokenId: principal.tokenId },
          at: clock.now().toISOString(),
          comments: request.comments,
        });
        if (applied) {
          const body: ReviewActionResponse = { review: await summaryOf(db, commune, period), transition: await findTransition(db, id) };
          return c.json(body, 200);
        }
      }
      throw new ApiError(409, 'REVIEW_CONFLICT');
    },
  );
