import { applyD1Migrations, type D1Migration } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeEach } from 'vitest';

// Storage is isolated per test file; within a file every test starts from empty tables.
const { TEST_MIGRATIONS } = env as typeof env & { TEST_MIGRATIONS: D1Migration[] };
await applyD1Migrations(env.DB, TEST_MIGRATIONS);

beforeEach(async () => {
  await env.DB.batch(
    ['sign_in_failures', 'workbook_downloads', 'idempotency_keys', 'submission_parts', 'submissions', 'tokens', 'plans', 'communes', 'regions'].map((table) =>
      env.DB.prepare(`DELETE FROM ${table}`),
    ),
  );
});
