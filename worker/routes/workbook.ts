import { Hono } from 'hono';
import { WorkbookQuery } from '../../shared/api.ts';
import { clock } from '../clock.ts';
import { districtSource } from '../db/district-source.ts';
import { recordWorkbookDownload } from '../db/submissions.ts';
import type { AppEnv } from '../env.ts';
import { allow, districtRegion } from '../middleware/allow.ts';
import { validate } from '../middleware/validate.ts';
import { WORKBOOK_CONTENT_TYPE, contentDisposition, writeDistrictWorkbook } from '../workbook/index.ts';

/**
 * GET /api/workbook?period=&layout= — district: the merged, district-ready .xlsx of its communes,
 * built from each commune's latest accepted submission of each kind (for beneficiaries, of each
 * sub-project), written as a stream while D1 is read in pages; in GNBV's own layout, or with
 * `layout=official` in the official review forms'; with `accepted=1` only the reports the district
 * accepted (đã duyệt). Tổng hợp shows each commune's review state. Every download is recorded.
 */
export const workbook = new Hono<AppEnv>().get('/', allow('district'), validate('query', WorkbookQuery), async (c) => {
  const { principal, region } = await districtRegion(c);
  const { period, layout, accepted } = c.req.valid('query');
  const db = await c.var.regionDb(region.id);
  const source = await districtSource(db, region, period, clock.now(), { acceptedOnly: accepted });

  await recordWorkbookDownload(db, {
    tokenId: principal.tokenId,
    downloadedBy: principal.label,
    regionId: region.id,
    period,
    at: clock.now().toISOString(),
  });
  return new Response(writeDistrictWorkbook(source, layout), {
    status: 200,
    headers: {
      'Content-Type': WORKBOOK_CONTENT_TYPE,
      'Content-Disposition': contentDisposition(region.name, period, layout),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
