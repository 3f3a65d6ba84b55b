/**
 * The shapes the query functions share, said once: each still writes its SQL and its bound values;
 * `db` is the database behind the D1 limits guard (worker/db/d1-limits.ts), as the callers pass it.
 */

/** The first row of a query, mapped to the domain; null when there is none. */
export async function firstRow<R, T>(db: D1Database, toDomain: (row: R) => T, sql: string, ...values: unknown[]): Promise<T | null> {
  const row = await db
    .prepare(sql)
    .bind(...values)
    .first<R>();
  return row === null ? null : toDomain(row);
}

/** An INSERT … ON CONFLICT DO NOTHING: false when the row was there already. */
export async function insertedNew(db: D1Database, sql: string, ...values: unknown[]): Promise<boolean> {
  const result = await db
    .prepare(sql)
    .bind(...values)
    .run();
  return result.meta.changes === 1;
}
