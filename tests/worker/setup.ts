import { applyD1Migrations, type D1Migration } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeEach } from 'vitest';

// Storage is isolated per test file; within a file every test starts from empty tables.
const { TEST_MIGRATIONS } = env as typeof env & { TEST_MIGRATIONS: D1Migration[] };

/** Every D1 binding of wrangler.toml: the directory (DB) and each regional database (DB_…). */
export const DATABASES: readonly [string, D1Database][] = Object.entries(env as unknown as Record<string, unknown>).flatMap(([name, value]) =>
  /^DB(_\w+)?$/.test(name) && typeof value === 'object' && value !== null && 'prepare' in value && 'batch' in value
    ? [[name, value as D1Database] as [string, D1Database]]
    : [],
);

// The same migrations on every database (npm run migrate:all does so on deploy).
for (const [, db] of DATABASES) await applyD1Migrations(db, TEST_MIGRATIONS);

// The review audit is append-only (its triggers refuse DELETE): emptied between tests by dropping
// the triggers and creating them again from the migration's own text.
const appendOnly = TEST_MIGRATIONS.flatMap((m) => m.queries).flatMap((q) => {
  const name = /^\s*CREATE TRIGGER\s+(review_\w+_no_(?:update|delete))\b/i.exec(q)?.[1];
  return name === undefined ? [] : [{ name, create: q }];
});

beforeEach(async () => {
  for (const [, db] of DATABASES) {
    await db.batch([
      ...appendOnly.map((t) => db.prepare(`DROP TRIGGER ${t.name}`)),
      ...['review_comments', 'review_transitions', 'review_state'].map((table) => db.prepare(`DELETE FROM ${table}`)),
      ...appendOnly.map((t) => db.prepare(t.create)),
    ]);
    await db.batch(
      [
        'sign_in_failures',
        'workbook_downloads',
        'idempotency_keys',
        'submission_parts',
        'submissions',
        'tokens',
        'plans',
        'region_databases',
        'communes',
        'regions',
      ].map((table) => db.prepare(`DELETE FROM ${table}`)),
    );
  }
});
