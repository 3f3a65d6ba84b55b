import { Hono } from 'hono';
import { DistrictSummaryQuery, type DistrictSummaryResponse } from '../../shared/api.ts';
import { clock } from '../clock.ts';
import { districtSource } from '../db/district-source.ts';
import type { AppEnv } from '../env.ts';
import { allow, districtRegion } from '../middleware/allow.ts';
import { validate } from '../middleware/validate.ts';
import { districtFigures } from '../workbook/district-feed.ts';

/**
 * GET /api/district/summary?period= — district: the figures of the merged workbook's Tổng hợp,
 * Thiếu hụt and Dự án sheets, per commune and for the district, counted from the same source in the
 * same way, as JSON. It carries counts and money only — no names, no ID numbers, no duplicate
 * pairs — so it is not a download of personal data and is not recorded as one.
 */
export const districtSummary = new Hono<AppEnv>().get('/', allow('district'), validate('query', DistrictSummaryQuery), async (c) => {
  const { region } = await districtRegion(c);
  const { period } = c.req.valid('query');
  const db = await c.var.regionDb(region.id);
  const source = await districtSource(db, region, period, clock.now());
  const figures = await districtFigures(source);
  const { totals } = figures;
  // Field by field: whatever else the figures hold (duplicate pairs, submission times) stays here.
  const body: DistrictSummaryResponse = {
    period,
    region,
    generatedAt: source.generatedAt.toISOString(),
    communes: figures.communes.map(({ id, name, code, summary, deprivations, projects }) => ({ id, name, code, summary, deprivations, projects })),
    totals: { summary: totals.summary, deprivations: totals.deprivations, projects: totals.projects, projectsTotal: totals.projectsTotal },
  };
  return c.json(body, 200);
});
