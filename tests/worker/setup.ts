import { applyD1Migrations, type D1Migration } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeEach } from 'vitest';

// Storage is isolated per test file; within a file every test starts from empty tables.
const { TEST_MIGRATIONS } = env as typeof env & { TEST_MIGRATIONS: D1Migration[] };
await applyD1Migrations(env.DB, TEST_MIGRATIONS);

// The review audit is append-only (its triggers refuse DELETE): emptied between tests by dropping
// the triggers and creating them again from the migration's own text.
const appendOnly = TEST_MIGRATIONS.flatMap((m) => m.queries).flatMap((q) => {
  const name = /^\s*CREATE TRIGGER\s+(review_\w+_no_(?:update|delete))\b/i.exec(q)?.[1];
  return name === undefined ? [] : [{ name, create: q }];
});

beforeEach(async () => {
  await env.DB.batch([
    ...appendOnly.map((t) => env.DB.prepare(`DROP TRIGGER ${t.name}`)),
    ...['review_comments', 'review_transitions', 'review_state'].map((table) => env.DB.prepare(`DELETE FROM ${table}`)),
    ...appendOnly.map((t) => env.DB.prepare(t.create)),
  ]);
  await env.DB.batch(
    ['sign_in_failures', 'workbook_downloads', 'idempotency_keys', 'submission_parts', 'submissions', 'tokens', 'plans', 'communes', 'regions'].map((table) =>
      env.DB.prepare(`DELETE FROM ${table}`),
    ),
  );
});
