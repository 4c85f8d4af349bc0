import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser tests need a build and Chromium: npm run test:e2e (vitest.e2e.config.ts).
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/setup/customFunctions.ts'],
    // Property tests run 10,000 cases each; give them room on a 2-core CI machine.
    testTimeout: 120_000,
  },
});
