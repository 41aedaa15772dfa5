import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'scripts/**/*.test.ts'],
    // fast-check properties and tsc-based checks take longer than unit tests.
    testTimeout: 60_000,
    // CI reads the counts from the JSON report to print its own closing line (.ci/run).
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-output/vitest.json' }]] : ['default'],
  },
});
