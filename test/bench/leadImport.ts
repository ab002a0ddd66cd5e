/**
 * B9, lead import (issue 11): a 10,000-row CSV through the Import screen of a signed-in app whose
 * local store holds the rep's synced data, offline: every row through the form's rules, the lead
 * processing engine and the dedup check against the laptop's leads, accounts and contacts, then
 * stored. One row in 50 repeats a synced lead's email, so the duplicates step is taken ("Keep
 * all"). Timed from the Import click to the summary, the rep's own click on "Keep all" left out.
 */
import type { Page } from '@playwright/test';
import { startProfile } from './cpuProfile';
import { INSTALL_PROBES, LONGEST, RESET_LONGEST, SETTLE } from './listProbes';
import { slowStorageSummary } from './page';
import type { BenchMeasure } from './report';
import { benchLead } from './seed';

const HEADER = 'Company,Contact name,Email,Phone,Country,Product category,Purchase timeframe,Purchase amount,Budget status,Source';
const CATEGORIES = ['Laptops', 'Monitors', 'Computers', 'Voice'];

/** `rows` data lines; every 50th carries the email of a lead the rep already holds (among `held`). */
export function importCsv(rows: number, held: number, tag: string): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const email = i % 50 === 0 && held > 0 ? benchLead(i % held).email : `buyer${i}@import-${tag}-${i % 997}.example`;
    lines.push(
      [
        `Imported Prospect ${tag} ${i}`,
        `Buyer ${i}`,
        email,
        // Not the synced leads' numbers (+1 555 ...): only the emails above make a row a likely duplicate.
        `+1 556 ${String(i).padStart(7, '0')}`,
        i % 3 === 0 ? 'CA' : 'US',
        CATEGORIES[i % CATEGORIES.length],
        'Within 1 month',
        String(10_000 + (i % 90) * 1_000),
        'Approved',
        'Trade show',
      ].join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

async function timed(action: () => Promise<void>): Promise<number> {
  const started = Date.now();
  await action();
  return Date.now() - started;
}

/** Imports `rows` rows `runs` times into `page` (signed in, its store filled, the central system blocked). */
export async function measureImport(page: Page, rows: number, held: number, runs: number): Promise<BenchMeasure[]> {
  await page.evaluate(INSTALL_PROBES);
  const seconds: number[] = [];
  let longest = 0;
  let parseLongest = 0;
  let duplicates = 0;
  for (let run = 0; run < runs; run++) {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Leads' }).click();
    await page.getByRole('button', { name: 'Import leads' }).click();
    const csv = importCsv(rows, held, `r${run}`);
    // Choosing the file parses it (Papa Parse): that longest task is reported on its own.
    await page.evaluate(RESET_LONGEST);
    await page
      .getByLabel('CSV file', { exact: true })
      .setInputFiles({ name: 'import.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: `Import ${rows.toLocaleString('en-US')} rows` }).waitFor();
    await page.evaluate(SETTLE);
    parseLongest = Math.max(parseLongest, (await page.evaluate(LONGEST)) as number);
    await page.evaluate(RESET_LONGEST);
    // BENCH_PROFILE: a CPU profile of the first run's import (import.cpuprofile).
    const profiler = run === 0 ? await startProfile(page) : null;
    const summary = page.getByRole('list', { name: 'Import summary' });
    const keepAll = page.getByRole('button', { name: 'Keep all' });
    const checkMs = await timed(async () => {
      await page.getByRole('button', { name: `Import ${rows.toLocaleString('en-US')} rows` }).click();
      await summary.or(keepAll).waitFor({ timeout: 600_000 });
    });
    let storeMs = 0;
    if (await keepAll.isVisible()) {
      duplicates = Number(
        (await page.getByRole('region', { name: 'Likely duplicates' }).locator('p').first().innerText()).replace(/\D/g, ''),
      );
      await keepAll.click();
      // BENCH_IMPORT_TRACE=1: the progress line every second, to see where the store spends its time.
      const trace = process.env.BENCH_IMPORT_TRACE
        ? setInterval(() => {
            void Promise.all([
              page
                .getByRole('status')
                .filter({ hasText: /^Imported / })
                .innerText({ timeout: 500 }),
              page.getByRole('status', { name: 'Sync status' }).innerText({ timeout: 500 }),
            ])
              .then(([text, sync]) =>
                console.error(`[bench import] ${new Date().toISOString().slice(11, 19)} ${text} | ${sync.replace(/\s+/g, ' ')}`),
              )
              .catch(() => undefined);
          }, 1000)
        : undefined;
      const storeStart = (await page.evaluate(() => performance.now())) as number;
      storeMs = await timed(async () => {
        await page.getByRole('button', { name: /^Import, skipping 0 rows/ }).click();
        await summary.waitFor({ timeout: 600_000 });
      });
      clearInterval(trace);
      if (trace)
        console.error(`[bench import] storage round trips over 100 ms while storing:\n${await slowStorageSummary(page, storeStart)}`);
    }
    await profiler?.stop('import');
    const imported = await summary.innerText();
    if (!imported.includes(`Leads imported: ${rows.toLocaleString('en-US')}`))
      throw new Error(`B9: the import did not import every row:\n${imported}`);
    longest = Math.max(longest, (await page.evaluate(LONGEST)) as number);
    const ms = checkMs + storeMs;
    seconds.push(ms / 1000);
    console.error(
      `[bench import] run ${run + 1}: ${rows} rows in ${(ms / 1000).toFixed(2)} s (read and check ${checkMs} ms, store ${storeMs} ms), ${duplicates} likely duplicates`,
    );
    await page.getByRole('button', { name: 'Close import' }).click();
  }
  return [
    {
      id: 'B9',
      name: `lead import, ${rows.toLocaleString('en-US')} CSV rows with dedup, offline`,
      unit: 's',
      values: seconds,
      baseline: [],
      target: { max: 10 },
      note: `${duplicates} rows flagged as likely duplicates of ${held.toLocaleString('en-US')} local leads; longest task ${Math.round(longest)} ms (choosing the file: ${Math.round(parseLongest)} ms)`,
    },
  ];
}
