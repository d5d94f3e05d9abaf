// Test projects: unit (fast, pure), integration (real SQLite files, real sockets), e2e (real Chromium).
import { defineConfig } from 'vitest/config';

// No test reaches the internet: a core started the way the hosts start it (startCore, `warden serve` in a child)
// has the news feed off; a test that wants the feed points it at a local fake server.
const env = { WARDEN_NEWS_URL: 'off' };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          env,
          include: ['test/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['test/helpers/setup-dom.ts'],
          environment: 'node',
          // Property tests and DOM tests run longer on a loaded CI machine than here.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          env,
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          env,
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
