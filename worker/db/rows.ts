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

/** A column's name in the domain: `commune_id` → `communeId`. */
type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/**
 * The named columns of a row, values as stored, under their names in the domain, in the order
 * named: a mapper spreads them and then sets the columns it reads differently (a parsed state,
 * a 0/1 flag), which keep their place.
 */
export function camelColumns<R, K extends keyof R & string>(row: R, columns: readonly K[]): { [C in K as CamelCase<C>]: R[C] } {
  const entries = columns.map((column) => [column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()), row[column]]);
  return Object.fromEntries(entries) as { [C in K as CamelCase<C>]: R[C] };
}
