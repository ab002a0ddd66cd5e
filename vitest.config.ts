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
    ],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
