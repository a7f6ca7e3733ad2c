import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (tests/unit: pure functions and cards, no Azurite, seconds — `npm run
 * test:unit`) and `storage-and-e2e` (everything else, one shared in-memory Azurite started by the
 * global setup; each test file uses its own table prefix). `npm test` runs both.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'storage-and-e2e', include: ['tests/**/*.test.ts'], exclude: ['tests/unit/**'], globalSetup: ['tests/support/global-setup.ts'] },
      },
    ],
  },
});
