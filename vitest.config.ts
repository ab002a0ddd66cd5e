import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'central/**/*.test.ts',
      'renderer/**/*.test.ts',
      'main/**/*.test.ts',
      'test/integration/**/*.test.ts',
      'test/packaging/**/*.test.ts',
      'test/bench/**/*.test.ts',
      'test/lint/**/*.test.ts',
    ],
    environment: 'node',
    // One seeded PGlite database, dumped once; central systems in tests start from copies of it.
    globalSetup: ['central/src/test/pgliteTemplate.globalSetup.ts'],
    // A ceiling, not a speed check: on a loaded 2-core CI machine the PGlite suites that start
    // several central systems (fulfillment determinism, catalog events) take over 30 s.
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
