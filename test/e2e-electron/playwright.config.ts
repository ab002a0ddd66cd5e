import { defineConfig } from '@playwright/test';

// The desktop app itself, driven through Playwright's Electron support. Needs an Electron binary
// (the `electron` package's download, or ELECTRON_OVERRIDE_DIST_PATH); where there is none the
// spec reports itself skipped and why. Run with `npm run test:electron` (builds first).
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.electron.e2e.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  outputDir: '../../test-results/e2e-electron',
});
