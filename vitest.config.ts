import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/setup/customFunctions.ts'],
    // Property tests run 10,000 cases each; give them room on a 2-core CI machine.
    testTimeout: 120_000,
  },
});
