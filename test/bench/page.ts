import { build } from 'esbuild';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/** The B1 page: the app's database code bundled for the browser, served on the app's origin (a secure context). */
export async function benchBundle(entry = 'localWrite.ts'): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'browser', entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export async function openBenchPage(page: Page, appUrl: string, script: string): Promise<void> {
  await page.route(`${appUrl}/__bench/**`, (route) =>
    route.fulfill({
      status: 200,
      contentType: route.request().url().endsWith('.js') ? 'text/javascript' : 'text/html',
      body: route.request().url().endsWith('.js') ? script : '<!doctype html><title>bench</title><script src="/__bench/b1.js"></script>',
    }),
  );
  await page.goto(`${appUrl}/__bench/b1.html`);
  await page.waitForFunction(() => 'outpostBench' in globalThis);
}

/** Records every main-thread task over 50 ms from the first script on (PerformanceObserver 'longtask'). */
export const LONG_TASK_OBSERVER = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
`;

/** The longest task that started after `since` (the page's performance.now()). */
export async function longestTask(page: Page, since: number): Promise<number> {
  return page.evaluate(
    (from) =>
      Math.max(
        0,
        ...((globalThis as unknown as { __longTasks?: [number, number][] }).__longTasks ?? [])
          .filter(([start]) => start >= from)
          .map(([, d]) => d),
      ),
    since,
  );
}

/** Tasks over 100 ms that started after `since`, as "start+duration" in ms from `since` (to find them in a CPU profile). */
export async function longTasksAfter(page: Page, since: number): Promise<string> {
  return page.evaluate(
    (from) =>
      ((globalThis as unknown as { __longTasks?: [number, number][] }).__longTasks ?? [])
        .filter(([start, duration]) => start >= from && duration > 100)
        .map(([start, duration]) => `${Math.round(start - from)}+${Math.round(duration)}`)
        .join(', '),
    since,
  );
}

/** JS heap of the renderer, as DevTools reports it. */
export async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN) / 1024 / 1024;
}

/**
 * The app's slow storage round trips since `since` (renderer/data/storageTiming.ts), grouped by
 * request and what it carried: count, total and longest, the largest total first.
 */
export async function slowStorageSummary(page: Page, since: number, top = 15): Promise<string> {
  const groups = await page.evaluate((from) => {
    const byKey = new Map<string, { count: number; total: number; max: number }>();
    for (const entry of performance.getEntriesByType('measure')) {
      if (!entry.name.startsWith('storage ') || entry.startTime < from) continue;
      const what = ((entry as PerformanceMeasure).detail as { what?: string } | null)?.what ?? '';
      const key = `${entry.name} (${what.replace(/[0-9a-f]{64}/g, '…')})`;
      const group = byKey.get(key) ?? { count: 0, total: 0, max: 0 };
      group.count++;
      group.total += entry.duration;
      group.max = Math.max(group.max, entry.duration);
      byKey.set(key, group);
    }
    return [...byKey.entries()];
  }, since);
  return groups
    .sort((a, b) => b[1].total - a[1].total)
    .slice(0, top)
    .map(([key, g]) => `  ${g.count} x, ${Math.round(g.total)} ms in all, longest ${Math.round(g.max)} ms: ${key}`)
    .join('\n');
}
