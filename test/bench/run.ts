/**
 * `npm run bench`: seeds a central system with tier M for one rep through the sync protocol,
 * then measures the app in Chromium against same-run baselines and prints one row per measure.
 * BENCH_SCALE (e.g. 0.1) shrinks the data, BENCH_RUNS (default 3) sets the runs; the import (B9)
 * always reads BENCH_IMPORT_ROWS rows (default 10,000), the figure. BENCH_ONLY=B9 measures
 * the import alone (to profile it with BENCH_PROFILE); BENCH_ONLY=B4 the local write and first
 * sync alone (B1, B4, B4t, B8, H), without the list measures and the import.
 */
import { chromium, type Page } from '@playwright/test';
import { join } from 'node:path';
import { serveBrowserBuild } from '../../main/dev/serveBrowser';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import { startCentralProcess } from '../support/central';
import { measureFirstSync, type FirstSyncRun } from './firstSync';
import { measureImport } from './leadImport';
import { benchBundle, openBenchPage } from './page';
import { formatTable, type BenchMeasure } from './report';
import { TIER_M, seedTierM } from './seed';

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number (got "${raw}"), e.g. ${name}=${fallback}`);
  return value;
}

const scale = positive('BENCH_SCALE', 1);
const runs = Math.round(positive('BENCH_RUNS', 3));
const importRows = Math.round(positive('BENCH_IMPORT_ROWS', 10_000));
const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

type ListsModule = { measureLists(page: Page, runs: number): Promise<BenchMeasure[]> };

async function main(): Promise<void> {
  // A loaded machine (the bench runs beside builds) can take minutes to start it.
  const central = await startCentralProcess(
    process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {},
    300_000,
  );
  const app = await serveBrowserBuild({
    root: join(import.meta.dirname, '..', '..', 'dist', 'web'),
    port: 0,
    centralUrl: central.url,
    demoMode: true,
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    const seeded = await seedTierM(central.url, scale);
    log(`seeded ${seeded.accounts} accounts and ${seeded.leads} leads in ${seeded.seconds.toFixed(0)} s`);
    const writeCount = Math.round(TIER_M.accounts * scale);
    const script = await benchBundle();
    const b1: number[] = [];
    const b1Base: number[] = [];
    const syncs: FirstSyncRun[] = [];
    const lists = (await import('./lists.ts' as string).catch(() => null)) as ListsModule | null;
    const listMeasures: BenchMeasure[] = [];
    const importOnly = process.env.BENCH_ONLY === 'B9';
    const syncOnly = process.env.BENCH_ONLY === 'B4';
    for (let run = 0; run < (importOnly ? 0 : runs); run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await openBenchPage(page, app.url, script);
      type Bench = { localWrite(n: number, run: number): Promise<number>; dexieBaseline(n: number, run: number): Promise<number> };
      const bench = (fn: keyof Bench) =>
        page.evaluate(([f, n, r]) => (globalThis as unknown as { outpostBench: Bench }).outpostBench[f](n, r), [
          fn,
          writeCount,
          run,
        ] as const);
      b1Base.push((await bench('dexieBaseline')) / 1000);
      b1.push((await bench('localWrite')) / 1000);
      await context.close();
      log(`run ${run + 1}: B1 ${b1.at(-1)!.toFixed(2)} s vs Dexie ${b1Base.at(-1)!.toFixed(2)} s`);
      // The list measures run once, on the first run's signed-in page, over their own `runs`.
      const afterSync =
        lists && run === 0 && !syncOnly
          ? async (page: Page) => void listMeasures.push(...(await lists.measureLists(page, runs)))
          : undefined;
      syncs.push(await measureFirstSync(browser, app.url, central.url, afterSync));
      log(`run ${run + 1}: ${JSON.stringify(syncs.at(-1))}`);
    }
    // B9 in a signed-in app of its own, the central system blocked: the import runs offline and
    // nothing imported reaches the central system (the next runs' first syncs stay tier M).
    const importMeasures: BenchMeasure[] = [];
    if (!syncOnly)
      await measureFirstSync(browser, app.url, central.url, async (page) => {
        const network = await page.context().newCDPSession(page);
        await network.send('Network.enable');
        await network.send('Network.setBlockedURLs', { urls: [`${central.url}/*`] });
        importMeasures.push(...(await measureImport(page, importRows, seeded.leads, runs)));
        await network.detach();
      });
    const measures: BenchMeasure[] = [
      {
        id: 'B1',
        name: `local write, ${writeCount.toLocaleString('en-US')} leads vs Dexie bulkPut`,
        unit: 's',
        values: b1,
        baseline: b1Base,
        target: { ratio: 2 },
      },
      {
        id: 'B4',
        name: `first sync, ${(seeded.accounts + seeded.leads).toLocaleString('en-US')} docs, Sign in -> data usable vs fetch only`,
        unit: 's',
        values: syncs.map((s) => s.seconds),
        baseline: syncs.map((s) => s.baselineSeconds),
        target: { ratio: 3 },
        note: `lead opened during sync in ${syncs.map((s) => s.arrivedLeadOpenMs ?? '—').join('/')} ms`,
      },
      {
        id: 'B4t',
        name: 'longest main-thread task during the first sync',
        unit: 'ms',
        values: syncs.map((s) => s.longestTaskMs),
        baseline: [],
        target: { max: 100 },
      },
      {
        id: 'B8',
        name: 'offline cold start, navigation -> interactive main screen',
        unit: 'ms',
        values: syncs.map((s) => s.coldStartMs),
        baseline: [],
        target: { max: 1500 },
      },
      {
        id: 'H',
        name: 'renderer JS heap after the first sync',
        unit: 'MB',
        values: syncs.map((s) => s.heapMb),
        baseline: [],
        target: { max: 300 },
      },
    ];
    measures.push(...listMeasures, ...importMeasures);
    console.log(`\nOutpost bench: tier M x ${scale} (${seeded.accounts} accounts, ${seeded.leads} leads), ${runs} runs\n`);
    console.log(formatTable(importOnly ? importMeasures : measures));
  } finally {
    await browser.close();
    await app.close();
    await central.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
