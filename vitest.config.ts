import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: [
      'shared/**/*.test.ts',
      'server/**/*.test.ts',
      'extension/**/*.test.{ts,tsx}',
      'test/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', '.output/**'],
    // Gives each run an id so that the browser tests build the extension once per run (test/e2e/harness.ts).
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // End-to-end and crash tests start browsers and processes; keep them from starving each other on 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
