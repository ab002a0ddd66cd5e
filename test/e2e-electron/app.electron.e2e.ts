/**
 * The packaged shape of the app, in a real Electron: the window shows app://outpost/, the UI
 * reaches the sign-in screen against a real central system, the bridge is there and Node is not,
 * and the window cannot be navigated away or open popups.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { OutpostBridge } from '../../shared/bridge';
import { findElectronRuntime } from '../../main/dev/electronRuntime';
import { startCentralProcess, type RunningCentral } from '../support/central';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const runtime = findElectronRuntime();
const skipReason = runtime.available ? '' : `No Electron runtime on this machine: ${runtime.reason}`;
if (!runtime.available) console.log(`[electron e2e] SKIPPED: ${skipReason}`);

test.describe.configure({ mode: 'serial' });
test.skip(!runtime.available, skipReason);

type OutpostWindow = Window & { outpost?: OutpostBridge; require?: unknown; process?: unknown };

let central: RunningCentral;
let app: ElectronApplication;
let page: Page;
let userData: string;

test.beforeAll(async () => {
  if (!runtime.available) return;
  for (const built of ['dist/main/main.cjs', 'dist/main/preload.cjs', 'dist/renderer/index.html']) {
    if (!existsSync(path.join(ROOT, built))) throw new Error(`${built} is missing: run \`npm run build\` (npm run test:electron does)`);
  }
  central = await startCentralProcess();
  userData = mkdtempSync(path.join(tmpdir(), 'outpost-electron-profile-'));
  app = await electron.launch({
    executablePath: runtime.path,
    // The app folder: its package.json "main" is dist/main/main.cjs. Chromium needs --no-sandbox only when run as root (CI containers).
    args: [ROOT, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    cwd: ROOT,
    env: { ...process.env, OUTPOST_CENTRAL_URL: central.url, OUTPOST_DEMO: '1', OUTPOST_USER_DATA_DIR: userData },
  });
  page = await app.firstWindow();
});

test.afterAll(async () => {
  await app?.close();
  await central?.stop();
  if (userData) rmSync(userData, { recursive: true, force: true });
});

test('the window shows the app from app://outpost and reaches the sign-in screen', async () => {
  await expect(page).toHaveURL(/^app:\/\/outpost\//);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('the renderer has the bridge and no Node', async () => {
  const globals = await page.evaluate(() => {
    const w = window as OutpostWindow;
    return {
      outpost: typeof w.outpost,
      methods: w.outpost ? Object.keys(w.outpost).sort() : [],
      require: typeof w.require,
      process: typeof w.process,
      module: typeof (w as unknown as { module?: unknown }).module,
    };
  });
  expect(globals).toEqual({
    outpost: 'object',
    methods: ['app', 'connectivity', 'links', 'secrets'],
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
  });

  const info = await page.evaluate(() => (window as OutpostWindow).outpost!.app.getInfo());
  expect(info).toMatchObject({ name: 'Outpost', shell: 'electron', centralUrl: central.url, demoMode: true });
});

test('main validates bridge payloads', async () => {
  const refused = await page.evaluate(async () => {
    const bridge = (window as OutpostWindow).outpost!;
    const results: string[] = [];
    try {
      await bridge.secrets.get('password' as never);
      results.push('accepted');
    } catch {
      results.push('refused');
    }
    results.push(String(await bridge.links.openExternal('http://example.com/')));
    results.push(String(await bridge.links.openExternal('file:///etc/passwd')));
    return results;
  });
  expect(refused).toEqual(['refused', 'false', 'false']);
});

test('navigation away from the app and popups are blocked', async () => {
  const before = page.url();
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(1_000);
  expect(page.url()).toBe(before);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  const popup = await page.evaluate(() => window.open('https://example.com/', '_blank') === null);
  expect(popup).toBe(true);
  expect(app.windows()).toHaveLength(1);
});

test('moving between screens in the hash stays in the window and survives a reload; leaving the app does not', async () => {
  // The router's addresses are in-page navigations: not blocked, and kept in the window's history.
  await page.evaluate(() => {
    window.location.hash = '#/quotes/q-1';
  });
  await expect(page).toHaveURL(/^app:\/\/outpost\/.*#\/quotes\/q-1$/);
  await page.evaluate(() => history.back());
  await expect(page).not.toHaveURL(/#\/quotes\/q-1$/);
  await page.evaluate(() => history.forward());
  await expect(page).toHaveURL(/#\/quotes\/q-1$/);
  await page.reload();
  await expect(page).toHaveURL(/#\/quotes\/q-1$/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  // A full navigation, even within app://outpost, is still refused.
  const before = page.url();
  await page.evaluate(() => {
    window.location.href = 'app://outpost/other.html';
  });
  await page.waitForTimeout(1_000);
  expect(page.url()).toBe(before);
});
