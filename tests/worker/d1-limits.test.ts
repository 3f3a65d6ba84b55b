import { env } from 'cloudflare:workers';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { D1_MAX_BOUND_PARAMETERS, D1_MAX_SQL_BYTES, D1LimitError, withD1Limits } from '../../worker/db/d1-limits.ts';
import type { AppEnv } from '../../worker/env.ts';
import { onError } from '../../worker/error-handler.ts';
import { database } from '../../worker/middleware/database.ts';

/** One statement with `count` bound parameters, summing 0 … count-1. */
function selectOf(count: number): { sql: string; values: number[] } {
  const values = Array.from({ length: count }, (_, i) => i);
  return { sql: `SELECT SUM(column1) AS total FROM (VALUES ${values.map(() => '(?)').join(', ')})`, values };
}

/** A statement of `bytes` bytes of SQL: a comment pads it. */
function sqlOfBytes(bytes: number): string {
  const head = 'SELECT 1 AS one -- ';
  return head + 'x'.repeat(bytes - head.length);
}

describe('the D1 limits guard', () => {
  const db = withD1Limits(env.DB);

  it('lets 100 bound parameters through, as D1 does', async () => {
    const { sql, values } = selectOf(D1_MAX_BOUND_PARAMETERS);
    expect(await db.prepare(sql).bind(...values).first()).toEqual({ total: 4950 });
  });

  it('throws on 101 bound parameters, before anything reaches D1', () => {
    const { sql, values } = selectOf(D1_MAX_BOUND_PARAMETERS + 1);
    expect(() => db.prepare(sql).bind(...values)).toThrow(D1LimitError);
    expect(() => db.prepare(sql).bind(...values)).toThrow('D1 limit exceeded: 101 bound-parameters (max 100)');
  });

  it('lets 100 KB of SQL through and throws above it', async () => {
    expect(await db.prepare(sqlOfBytes(D1_MAX_SQL_BYTES)).first()).toEqual({ one: 1 });
    expect(() => db.prepare(sqlOfBytes(D1_MAX_SQL_BYTES + 1))).toThrow(
      new D1LimitError('sql-bytes', D1_MAX_SQL_BYTES + 1, D1_MAX_SQL_BYTES),
    );
  });

  it('counts bytes, not characters (Vietnamese text is multi-byte)', () => {
    const sql = `SELECT '${'ệ'.repeat(D1_MAX_SQL_BYTES / 3)}'`;
    expect(sql.length).toBeLessThan(D1_MAX_SQL_BYTES);
    expect(() => db.prepare(sql)).toThrow(D1LimitError);
  });

  it('guards exec() and sessions too, and batches guarded statements', async () => {
    await expect(db.exec(sqlOfBytes(D1_MAX_SQL_BYTES + 1))).rejects.toThrow(D1LimitError);
    const session = db.withSession('first-primary');
    const { sql, values } = selectOf(D1_MAX_BOUND_PARAMETERS + 1);
    expect(() => session.prepare(sql).bind(...values)).toThrow(D1LimitError);
    const results = await db.batch<{ n: number }>([db.prepare('SELECT ? AS n').bind(1), db.prepare('SELECT ? AS n').bind(2)]);
    expect(results.map((r) => r.results)).toEqual([[{ n: 1 }], [{ n: 2 }]]);
  });

  it('is what every route gets as c.var.db (the app\'s database middleware)', async () => {
    const probe = new Hono<AppEnv>().use(database()).get('/', async (c) => {
      const { sql, values } = selectOf(D1_MAX_BOUND_PARAMETERS + 1);
      await c.var.db.prepare(sql).bind(...values).first();
      return c.text('unreachable');
    });
    probe.onError((err, c) => (err instanceof D1LimitError ? c.text(err.limit, 500) : onError(err, c)));
    const response = await probe.request('/', {}, env);
    expect({ status: response.status, text: await response.text() }).toEqual({ status: 500, text: 'bound-parameters' });
  });
});
