import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: run after `npm run build` (npm run test:e2e does both).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
