import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/shared/**/*.test.ts', 'tests/cli/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
