import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { ApiError } from './api-error.ts';
import type { AppEnv } from './env.ts';
import { notFound, onError } from './error-handler.ts';
import { database } from './middleware/database.ts';
import { openapi } from './openapi.ts';
import { communes } from './routes/admin/communes.ts';
import { plans } from './routes/admin/plans.ts';
import { regions } from './routes/admin/regions.ts';
import { tokens } from './routes/admin/tokens.ts';
import { districtSummary } from './routes/district-summary.ts';
import { health } from './routes/health.ts';
import { me } from './routes/me.ts';
import { plan } from './routes/plan.ts';
import { reviews } from './routes/reviews.ts';
import { status } from './routes/status.ts';
import { submissions } from './routes/submissions.ts';
import { workbook } from './routes/workbook.ts';

/** Request bodies above this are refused with 413 before they are parsed. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

const smallBodies = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new ApiError(413, 'PAYLOAD_TOO_LARGE');
  },
});

const app = new Hono<AppEnv>();

// The API's middleware is scoped to /api/*: the task pane under /addin/* is framed by Excel, so it
// must not get the API's X-Frame-Options, and it will have its own cache rules.
app.use(
  '/api/*',
  cors({
    // Closed: only the Worker's own origin (the task pane and district page it serves).
    origin: (origin, c) => (origin === new URL(c.req.url).origin ? origin : null),
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
    allowMethods: ['GET', 'POST', 'PUT'],
    maxAge: 600,
  }),
  secureHeaders(),
  async function noStore(c, next) {
    await next();
    // Answers may carry personal data: never cached by a browser or a proxy.
    c.header('Cache-Control', 'no-store');
  },
  function limitBody(c, next) {
    // A submission carries a whole workbook: its route reads the body with its own, larger limit (gzip too).
    if (c.req.method === 'POST' && c.req.path === '/api/submissions') return next();
    return smallBodies(c, next);
  },
  database(),
);

const routes = app
  .route('/api/health', health)
  .route('/api/openapi.json', openapi)
  .route('/api/me', me)
  .route('/api/plan', plan)
  .route('/api/submissions', submissions)
  .route('/api/status', status)
  .route('/api/reviews', reviews)
  .route('/api/workbook', workbook)
  .route('/api/district/summary', districtSummary)
  .route('/api/admin/regions', regions)
  .route('/api/admin/communes', communes)
  .route('/api/admin/plans', plans)
  .route('/api/admin/tokens', tokens);

app.onError(onError);
app.notFound(notFound);

/** The API's type, for `hc<AppType>` (worker/client.ts). */
export type AppType = typeof routes;

export default app;
