import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'scripts/**/*.test.ts'],
    // fast-check properties and tsc-based checks take longer than unit tests.
    testTimeout: 60_000,
  },
});
