import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/*.test.ts', 'tests/shared/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/workbook/**/*.test.ts', 'tests/web/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        // The district workbook writer inside workerd (it must not need Node).
        plugins: [cloudflareTest({ miniflare: { compatibilityDate: '2025-09-01' } })],
        test: {
          name: 'workbook-workerd',
          include: ['tests/workbook/workerd/**/*.workerd.ts'],
          testTimeout: 60_000,
        },
      },
      {
        // The Worker's tests run inside workerd against a real local D1 (wrangler.toml's bindings).
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                ADMIN_TOKEN: 'test-admin-secret-0123456789abcdef',
                TEST_MIGRATIONS: await readD1Migrations(fileURLToPath(new URL('./worker/migrations', import.meta.url))),
              },
            },
          })),
        ],
        test: {
          name: 'worker',
          include: ['tests/worker/**/*.test.ts'],
          setupFiles: ['tests/worker/setup.ts'],
          // Reads the sample workbooks in Node (workerd has no file system) and provides their grids.
          globalSetup: ['tests/worker/global-setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        // The Excel add-in against a strict stand-in for office-js (tests/addin/fake-excel.ts).
        test: {
          name: 'addin',
          environment: 'node',
          include: ['tests/addin/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        // Browser tests: the real Worker (wrangler dev on a fresh local D1) and Debian's Chromium,
        // through tests/e2e/harness.ts. One file at a time: each starts a Worker and a browser.
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
