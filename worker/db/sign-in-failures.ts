/**
 * Failed sign-ins per client in a fixed window: a client that presents wrong tokens LIMIT times
 * in WINDOW is refused (429) until the window ends, whatever token it shows next, so guessing a
 * token costs a window per LIMIT tries. Kept in D1, which every isolate of the Worker shares.
 */

/** Wrong tokens a client may present in one window. */
export const SIGN_IN_LIMIT = 10;
/** The window's length. */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

/** How long the client must wait, in whole seconds (≥ 1), or null when it may sign in. */
export async function signInBlockedFor(db: D1Database, clientHash: string, now: Date): Promise<number | null> {
  const row = await db
    .prepare('SELECT window_start, failures FROM sign_in_failures WHERE client_hash = ?')
    .bind(clientHash)
    .first<{ window_start: string; failures: number }>();
  if (row === null || row.failures < SIGN_IN_LIMIT) return null;
  const endsAt = Date.parse(row.window_start) + SIGN_IN_WINDOW_MS;
  const left = endsAt - now.getTime();
  return left > 0 ? Math.ceil(left / 1000) : null;
}

/**
 * Counts one failure: a new window when the last one has ended. One statement, so failures
 * counted at once from several requests all land. Rows of ended windows are removed on the way.
 */
export async function recordSignInFailure(db: D1Database, clientHash: string, now: Date): Promise<void> {
  const at = now.toISOString();
  const windowOpenedAfter = new Date(now.getTime() - SIGN_IN_WINDOW_MS).toISOString();
  await db.batch([
    db
      .prepare(
        `INSERT INTO sign_in_failures (client_hash, window_start, failures) VALUES (?1, ?2, 1)
         ON CONFLICT (client_hash) DO UPDATE SET
           failures = CASE WHEN window_start <= ?3 THEN 1 ELSE failures + 1 END,
           window_start = CASE WHEN window_start <= ?3 THEN ?2 ELSE window_start END`,
      )
      .bind(clientHash, at, windowOpenedAfter),
    db.prepare('DELETE FROM sign_in_failures WHERE window_start <= ? AND client_hash <> ?').bind(windowOpenedAfter, clientHash),
  ]);
}
