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
  const broken = (error: unknown): void => {
    // Method, path and the error's message (never a cell's value): the answer's status is already sent.
    console.error('gnbv: stream broke off', c.req.method, c.req.path, error instanceof Error ? error.message : String(error));
  };
  return new Response(sentBody(writeDistrictWorkbook(source, layout), broken), {
    status: 200,
    headers: {
      'Content-Type': WORKBOOK_CONTENT_TYPE,
      'Content-Disposition': contentDisposition(region.name, period, layout),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});

/**
 * workerd's native identity stream (worker-configuration.d.ts has it whole). Declared here as the
 * route uses it because the task pane, the pages and the CLI type-check the Worker for its API
 * types without the Workers globals (types/worker-bindings.d.ts holds the bindings only).
 */
declare const IdentityTransformStream: new () => { readable: ReadableStream<Uint8Array>; writable: WritableStream<Uint8Array> };

/**
 * A stream as a body workerd reads natively. A JavaScript ReadableStream that errors while workerd
 * sends it (a stored page that does not match its record: STORED_DATA_INVALID) leaves the error
 * rejecting the runtime's own reads, unhandled; so each chunk is passed on here, through an
 * IdentityTransformStream. A failure to read is reported to `broken` and aborts the body (the
 * client's download breaks off short of a whole archive); a client that goes away cancels the
 * stream (no more of D1 is read).
 */
function sentBody(stream: ReadableStream<Uint8Array>, broken: (error: unknown) => void): ReadableStream<Uint8Array> {
  const { readable, writable } = new IdentityTransformStream();
  const reader = stream.getReader();
  const writer = writable.getWriter();
  async function pump(): Promise<void> {
    for (;;) {
      let next: Awaited<ReturnType<typeof reader.read>>;
      try {
        next = await reader.read();
      } catch (error) {
        broken(error);
        return writer.abort(error);
      }
      if (next.done) return writer.close();
      try {
        await writer.write(next.value);
      } catch (error) {
        return reader.cancel(error);
      }
    }
  }
  // Closing or aborting a body the client already left rejects: nothing is left to tell.
  pump().catch(() => undefined);
  return readable;
}
