import { cloudflareTest, type D1Migration, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Plugin, defineConfig } from 'vitest/config';

const PRODUCT_KINDS = fileURLToPath(new URL('./shared/kinds/registry.ts', import.meta.url));
const TEST_KINDS = fileURLToPath(new URL('./tests/kinds/registry.ts', import.meta.url));

/** The migrations a test kind brings (tests/kinds/<kind>/migrations/), after the product's. */
async function testKindMigrations(): Promise<D1Migration[]> {
  const root = fileURLToPath(new URL('./tests/kinds/', import.meta.url));
  const folders = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'migrations')));
  const all: D1Migration[] = [];
  for (const d of folders.sort((a, b) => a.name.localeCompare(b.name))) all.push(...(await readD1Migrations(join(root, d.name, 'migrations'))));
  return all;
}

/** The tests' registry of sheet kinds (the product's and a fixture kind) wherever shared/kinds/registry.ts is imported, but in itself. */
function testKinds(): Plugin {
  return {
    name: 'gnbv-test-kinds',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (importer === undefined || importer === TEST_KINDS || !source.endsWith('registry.ts')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === PRODUCT_KINDS ? TEST_KINDS : null;
    },
  };
}

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
        // A test-only fourth sheet kind (tests/kinds/fixture-kind) through the engine and the workbook writer.
        plugins: [testKinds()],
        test: {
          name: 'kinds',
          environment: 'node',
          include: ['tests/kinds/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        // The same kind through the Worker, in workerd against a real local D1.
        plugins: [
          testKinds(),
          cloudflareTest(async () => ({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                ADMIN_TOKEN: 'test-admin-secret-0123456789abcdef',
                // The product's migrations, then the test kinds' (their storage parts).
                TEST_MIGRATIONS: [
                  ...(await readD1Migrations(fileURLToPath(new URL('./worker/migrations', import.meta.url)))),
                  ...(await testKindMigrations()),
                ],
              },
            },
          })),
        ],
        test: {
          name: 'kinds-worker',
          include: ['tests/kinds/**/*.worker.ts'],
          setupFiles: ['tests/worker/setup.ts'],
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
