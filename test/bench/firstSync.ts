import { expect, type Browser } from '@playwright/test';
import { INITIAL_SYNC_ORDER } from '../../shared/sync/initialSync';
import { BENCH_REP, repToken } from './seed';
import { startProfile } from './cpuProfile';
import { LONG_TASK_OBSERVER, heapMb, longTasksAfter, longestTask, slowStorageSummary } from './page';

export interface FirstSyncRun {
  seconds: number;
  baselineSeconds: number;
  longestTaskMs: number;
  heapMb: number;
  coldStartMs: number;
  arrivedLeadOpenMs: number | null;
}

/** Fetching every pull page without storing anything: the floor for a first sync. */
async function fetchOnly(page: import('@playwright/test').Page, centralUrl: string, token: string): Promise<number> {
  return page.evaluate(
    async ({ centralUrl, token, collections }) => {
      const started = performance.now();
      for (const name of collections) {
        let seq = 0;
        for (;;) {
          const response = await fetch(`${centralUrl}/sync/${name}/pull?seq=${seq}&limit=1000`, {
            headers: { authorization: `Bearer ${token}` },
          });
          const body = (await response.json()) as { documents: unknown[]; checkpoint: { seq: number } };
          seq = body.checkpoint.seq;
          if (body.documents.length < 1000) break;
        }
      }
      return (performance.now() - started) / 1000;
    },
    { centralUrl, token, collections: [...INITIAL_SYNC_ORDER] },
  );
}

/**
 * BENCH_SYNC_TRACE=1: each request to the central system as it finishes (ms after Sign in, time
 * to first byte, total) and the progress text twice a second, on stderr. It shows where a slow
 * first sync waits: on the network, or on storing what has already arrived.
 */
function traceFirstSync(page: import('@playwright/test').Page, centralUrl: string, started: number): () => void {
  const at = () => `[trace] ${Date.now() - started} ms`;
  page.on('requestfinished', (request) => {
    const timing = request.timing();
    console.error(
      `${at()} ${request.url().replace(centralUrl, '')} first byte ${timing.responseStart.toFixed(0)} ms, done ${timing.responseEnd.toFixed(0)} ms`,
    );
  });
  const poll = setInterval(() => {
    void page
      .evaluate(() => document.getElementById('initial-sync-title')?.parentElement?.textContent ?? 'no progress shown')
      .then((text) => console.error(`${at()} progress: ${text}`))
      .catch(() => undefined);
  }, 500);
  return () => clearInterval(poll);
}

/** Polls a cheap condition in the page every 100 ms (no ARIA tree walk, see measureFirstSync). */
async function waitInPage(page: import('@playwright/test').Page, condition: () => boolean, timeout: number): Promise<void> {
  await page.waitForFunction(condition, undefined, { polling: 100, timeout });
}

/**
 * B4 (Sign in -> all data usable), the longest main-thread task meanwhile, the heap after it,
 * and B8 (offline cold start with that data local) in the same browser profile.
 */
export async function measureFirstSync(
  browser: Browser,
  appUrl: string,
  centralUrl: string,
  /** Runs on the signed-in page once the data is local (scale-lists' list measures). */
  afterSync?: (page: import('@playwright/test').Page) => Promise<void>,
): Promise<FirstSyncRun> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(appUrl);
    const baselineSeconds = await fetchOnly(page, centralUrl, await repToken(centralUrl));

    await page.addInitScript(LONG_TASK_OBSERVER);
    await page.goto(appUrl);
    await page.getByLabel('Username').fill(BENCH_REP);
    await page.getByLabel('Password').fill('demo');
    const started = Date.now();
    const stopTrace = process.env.BENCH_SYNC_TRACE ? traceFirstSync(page, centralUrl, started) : null;
    const profiler = await startProfile(page);
    const clickedAt = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Sign in' }).click();
    const progress = page.getByRole('region', { name: 'First sync' });
    // Waits inside the measured span poll with a cheap DOM check: Playwright's role locators and
    // expect() run their ARIA tree walks on the page's main thread, and their tasks (up to 250 ms
    // on a large table) counted as the app's own in B4t.
    await waitInPage(page, () => [...document.querySelectorAll('h1, h2')].some((h) => h.textContent?.trim() === 'Leads'), 600_000);
    // Usable while it runs: open a lead that has arrived, if the sync is still going.
    let arrivedLeadOpenMs: number | null = null;
    // Rows open their record through a link in the first cell (the header holds the sort buttons).
    const firstLead = page.getByRole('table', { name: 'Leads' }).getByRole('link').first();
    if (await progress.isVisible()) {
      await waitInPage(page, () => document.querySelector('table[aria-label="Leads"] a') !== null, 600_000);
      const clicked = Date.now();
      await firstLead.click();
      // Any lead will do: the list re-sorts as leads arrive, so the one under the pointer may change.
      await waitInPage(page, () => document.querySelector('ul[aria-label="Lead details"]') !== null, 120_000);
      arrivedLeadOpenMs = Date.now() - clicked;
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Leads' }).click();
    }
    await waitInPage(page, () => document.getElementById('initial-sync-title') === null, 900_000);
    const seconds = (Date.now() - started) / 1000;
    stopTrace?.();
    if (stopTrace)
      console.error(`[trace] storage round trips over 100 ms during the first sync:\n${await slowStorageSummary(page, clickedAt)}`);
    await profiler?.stop(`first-sync-${Date.now()}`);
    const longestTaskMs = await longestTask(page, clickedAt);
    if (profiler)
      console.error(`[profile] tasks over 100 ms, ms after Sign in (the profile's start): ${await longTasksAfter(page, clickedAt)}`);
    const heap = await heapMb(page);
    await afterSync?.(page);

    // B8: offline, the same profile, a fresh navigation to an interactive main screen. Offline by
    // blocking the central system's URLs in the browser: a Playwright route would disable the HTTP
    // cache of the whole context (playwright#7220), so every "cold start" fetched and compiled the
    // 1 MB bundle anew, which an installed app, reading it from disk with its code cache, never does.
    const cold = await context.newPage();
    const network = await context.newCDPSession(cold);
    await network.send('Network.enable');
    await network.send('Network.setBlockedURLs', { urls: [`${centralUrl}/*`] });
    let reachedCentral = 0;
    cold.on('requestfinished', (request) => void (request.url().startsWith(centralUrl) && reachedCentral++));
    await page.close();
    const navigated = Date.now();
    await cold.goto(appUrl);
    await cold.getByRole('button', { name: 'New lead' }).click({ timeout: 120_000 });
    await expect(cold.getByRole('heading', { name: /New lead/i })).toBeVisible({ timeout: 120_000 });
    const coldStartMs = Date.now() - navigated;
    if (reachedCentral > 0) throw new Error(`B8 is not offline: ${reachedCentral} requests reached the central system`);
    await network.detach();
    return { seconds, baselineSeconds, longestTaskMs, heapMb: heap, coldStartMs, arrivedLeadOpenMs };
  } finally {
    await context.close();
  }
}
