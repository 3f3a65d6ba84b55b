import { Hono } from 'hono';
import { type ReviewStateCell, StatusQuery, type StatusCell, type StatusResponse } from '../../shared/api.ts';
import { deadlineInstant, kindsDue, periodYear } from '../../shared/periods.ts';
import { reviewStatesOfRegion } from '../db/reviews.ts';
import { latestByKind, listRegionCommunes, plansOfRegion } from '../db/submissions.ts';
import type { AppEnv } from '../env.ts';
import { allow, districtRegion } from '../middleware/allow.ts';
import { validate } from '../middleware/validate.ts';

/**
 * GET /api/status?period= — district: for each of its communes and each kind due in the period,
 * the latest version, its time, and on time / late / missing against the commune plan's deadline
 * (23:59 Vietnam time on the deadline day), and beside them the district's review of the commune's
 * report (chưa nộp, chờ duyệt, đã duyệt, trả lại). Four queries whatever the number of communes.
 */
export const status = new Hono<AppEnv>().get('/', allow('district'), validate('query', StatusQuery), async (c) => {
  const { region } = await districtRegion(c);
  const { period } = c.req.valid('query');
  const db = await c.var.regionDb(region.id);
  const [communes, plans, latest, reviews] = await Promise.all([
    listRegionCommunes(db, region.id),
    plansOfRegion(db, region.id, periodYear(period)),
    latestByKind(db, region.id, period),
    reviewStatesOfRegion(db, region.id, period),
  ]);
  const due = kindsDue(period);
  const body: StatusResponse = {
    period,
    region,
    kindsDue: due,
    communes: communes.map((commune) => {
      const plan = plans.get(commune.id);
      const deadline = plan ? deadlineInstant(period, plan.deadlines) : null;
      const kinds = due.map((kind): StatusCell => {
        const found = latest.find((l) => l.communeId === commune.id && l.kind === kind);
        if (!found) return { kind, state: 'missing', version: null, submissionId: null, receivedAt: null, lateBySeconds: null };
        const lateBy = deadline ? Math.max(0, Math.floor((Date.parse(found.receivedAt) - deadline.getTime()) / 1000)) : 0;
        return {
          kind,
          state: found.late ? 'late' : 'onTime',
          version: found.version,
          submissionId: found.submissionId,
          receivedAt: found.receivedAt,
          lateBySeconds: found.late ? lateBy : null,
        };
      });
      const r = reviews.get(commune.id);
      const review: ReviewStateCell = r
        ? { state: r.state, version: r.version, submissionId: r.submissionId, updatedAt: r.updatedAt }
        : { state: 'missing', version: null, submissionId: null, updatedAt: null };
      return { commune, deadline: deadline?.toISOString() ?? null, kinds, review };
    }),
  };
  return c.json(body, 200);
});
