/**
 * `tsx test/bench/lists.ts` on its own: a real central system, the browser build, Chromium,
 * and a rep signed in whose local store holds BENCH_LEADS leads (default 50,000).
 *
 * How the local store is filled: pushing 50k leads to the central system and pulling them in
 * the first sync takes minutes today (another change speeds both up), so the bench answers the
 * app's own `/sync/leads/pull` requests itself with generated leads in the central system's
 * pull format. The app's real replication writes them into its real RxDB store (Dexie,
 * encrypted fields) exactly as a first sync would; only the central system's side of that one
 * collection is stood in for. Everything else talks to the real central system.
 */
import { chromium, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveBrowserBuild } from '../../main/dev/serveBrowser';
import { api, signIn as tokenFor } from '../../central/src/test/client';
import type { PullResponse } from '../../shared/sync/protocol';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import { startCentralProcess } from '../support/central';
import { volumeLead } from '../support/leadVolume';
import type { BenchMeasure } from './report';
import { formatTable } from './report';

const LEADS = Number(process.env.BENCH_LEADS ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const USER = 'alex';
const log = (message: string) => console.error(`[bench lists] ${message}`);

async function serveGeneratedLeads(page: Page, owner: string): Promise<void> {
  await page.context().route('**/sync/leads/pull**', async (route) => {
    const url = new URL(route.request().url());
    const seq = Number(url.searchParams.get('seq') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 100);
    const end = Math.min(LEADS, seq + limit);
    const documents = [];
    for (let i = seq; i < end; i++) documents.push({ ...volumeLead(i, owner), _deleted: false });
    const body: PullResponse<'leads'> = { documents, checkpoint: documents.length > 0 ? { seq: end } : { seq }, remaining: LEADS - end };
    await route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify(body),
    });
  });
}

export async function runStandalone(measure: (page: Page, runs: number) => Promise<BenchMeasure[]>): Promise<void> {
  // BENCH_WEB_ROOT: another browser build (e.g. a copy of an earlier one) measured the same way.
  const root = process.env.BENCH_WEB_ROOT ?? join(import.meta.dirname, '..', '..', 'dist', 'web');
  if (!existsSync(join(root, 'index.html'))) throw new Error('No browser build in dist/web: run `npm run build` first');
  log('starting the central system');
  // A loaded machine (the bench runs beside builds) can take minutes to start it.
  const central = await startCentralProcess({}, 300_000);
  const app = await serveBrowserBuild({ root, port: 0, centralUrl: central.url, demoMode: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    const me = (await (await api(central.url, await tokenFor(central.url, USER)).get('/me')).json()) as { id: string };
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    page.on('pageerror', (error) => log(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') log(`console error: ${message.text()}`);
    });
    await serveGeneratedLeads(page, me.id);
    const started = Date.now();
    await page.goto(app.url);
    await page.getByLabel('Username').fill(USER);
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    log(`filling the local store with ${LEADS.toLocaleString('en-US')} leads through the app's first sync`);
    const status = page.getByRole('status', { name: 'leads shown' });
    await status.waitFor({ timeout: 60_000 });
    log(`first rows after sign-in: ${Date.now() - started} ms`);
    for (;;) {
      const text = await status.innerText({ timeout: 60_000 }).catch(async (error: unknown) => {
        log(`the Leads screen lost its count; it shows:\n${await page.locator('body').innerText()}`);
        throw error;
      });
      const shown = Number(text.replace(/\D/g, ''));
      if (shown >= LEADS && !text.includes('loading')) break;
      log(`  ${text}`);
      await page.waitForTimeout(5_000);
    }
    log(`all ${LEADS.toLocaleString('en-US')} leads stored and listed after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(formatTable(await measure(page, RUNS)));
  } finally {
    await browser.close();
    await app.close();
    await central.stop();
  }
}
