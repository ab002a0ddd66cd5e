/**
 * `npx tsx test/bench/storageLayers.ts`: where B1's time per row goes. Writes the same leads
 * through one more layer of the local store at a time (Dexie with the primary key only, each of
 * the indexes RxDB's Dexie storage declares, RxDB's read before write, the AES-GCM envelope,
 * RxDB's storage, the collection, the replication), each in a fresh browser context, so one
 * measure's IndexedDB leftovers do not slow the next. BENCH_LAYER_ROWS (default 500,2000,10000).
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import { benchBundle, openBenchPage } from './page';
import type { LAYERS } from './browser/storageLayers';

const counts = (process.env.BENCH_LAYER_ROWS ?? '500,2000,10000').split(',').map(Number);
// No server: openBenchPage answers the page's requests itself; localhost is a secure context (WebCrypto).
const ORIGIN = 'http://localhost:4999';

const script = await benchBundle('storageLayers.ts');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
try {
  const names = await (async () => {
    const page = await browser.newPage();
    await openBenchPage(page, ORIGIN, script);
    const found = await page.evaluate(() => Object.keys((globalThis as unknown as { storageLayers: typeof LAYERS }).storageLayers));
    await page.context().close();
    return found;
  })();
  let run = 0;
  for (const count of counts) {
    console.log(`\n${count.toLocaleString('en-US')} leads, transactions of 1,000:`);
    for (const name of names) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await openBenchPage(page, ORIGIN, script);
      const ms = await page.evaluate(
        ([layer, n, r]) => (globalThis as unknown as { storageLayers: typeof LAYERS }).storageLayers[layer]!(n, r),
        [name, count, String(run++)] as const,
      );
      await context.close();
      console.log(
        `  ${name.padEnd(40)} ${String(Math.round(ms)).padStart(6)} ms  ${((ms / count) * 1000).toFixed(0).padStart(5)} µs a row`,
      );
    }
  }
} finally {
  await browser.close();
}
