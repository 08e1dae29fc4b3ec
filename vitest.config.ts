import { defineConfig } from 'vitest/config';

/**
 * Three tiers, one command each:
 *  - unit:        domain/ and pure helpers (milliseconds, no I/O)
 *  - integration: HTTP → real PostgreSQL (one embedded server per run, fresh database per file)
 *  - e2e:         headless Chromium on the built app (see tests/e2e)
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'domain/**/*.test.ts',
            'contracts/**/*.test.ts',
            'server/spreadsheets/**/*.test.ts',
            'server/modules/**/*.test.ts',
            'server/http/**/*.test.ts',
            'web/**/*.test.ts',
          ],
          environment: 'node',
          // Generous: CI machines have 2 cores shared with other work. Speed is measured by `npm run bench`.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/e2e-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
