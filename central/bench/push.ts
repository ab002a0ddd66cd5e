/**
 * `npm run bench:push` (P1 of issue 6): sync push throughput on PostgreSQL. A real central
 * system in this process, a signed-in rep, BENCH_PUSH_ROWS leads (default 20,000) pushed over
 * HTTP in 200-row batches, BENCH_PUSH_CONCURRENCY requests at once (the app's collections push
 * in parallel). Same-run baseline: the same number of rows written straight into sync_docs, one
 * INSERT ... SELECT FROM jsonb_array_elements($1) per batch - the database's own speed.
 * Median over BENCH_PUSH_RUNS runs (default 3), a fresh database each. Not part of npm test.
 *
 *   DATABASE_URL=postgres://... npm run bench:push   (else a throwaway cluster is started)
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { DESKTOP_CLIENT_ID, type TokenResponse } from '../../shared/sync/protocol';
import { formatRow, type BenchMeasure } from '../../test/bench/report';
import { openPostgres } from '../src/platform/db/postgres';
import { createCentral } from '../src/server';
import { newLead } from '../src/test/fixtures';
import { postgresServer, postgresStorage } from './engines';

export interface PushBenchOptions {
  rows?: number;
  batchSize?: number;
  concurrency?: number;
  runs?: number;
  /** PostgreSQL server to create the bench databases on; default DATABASE_URL, else a throwaway cluster. */
  serverUrl?: string;
}

const log = (message: string) => console.error(`[bench:push] ${message}`);

function batchesOf<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

/** Runs `work` over the batches with at most `concurrency` in flight; the elapsed seconds. */
async function timed<T>(batches: readonly T[], concurrency: number, work: (batch: T) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < batches.length) await work(batches[next++] as T);
    }),
  );
  return (performance.now() - started) / 1000;
}

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username: 'alex', password: 'demo', client_id: DESKTOP_CLIENT_ID }).toString(),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as TokenResponse).access_token;
}

const leads = (count: number) => Array.from({ length: count }, (_, index) => newLead('user-alex', { company: `Bench ${index}` }));

/** One run on a fresh database: [push rows/s, baseline rows/s]. */
async function oneRun(serverUrl: string, rows: number, batchSize: number, concurrency: number): Promise<[number, number]> {
  const storage = await postgresStorage(serverUrl);
  const central = await createCentral({ ...storage.options, seed: true });
  try {
    await central.app.listen({ port: 0, host: '127.0.0.1' });
    const address = central.app.server.address();
    if (!address || typeof address === 'string') throw new Error('The central system is not listening on a TCP port');
    const url = `http://127.0.0.1:${address.port}`;
    const headers = { authorization: `Bearer ${await signIn(url)}`, 'content-type': 'application/json' };
    const pushSeconds = await timed(batchesOf(leads(rows), batchSize), concurrency, async (batch) => {
      const response = await fetch(`${url}/sync/leads/push`, {
        method: 'POST',
        headers,
        body: JSON.stringify(batch.map((doc) => ({ newDocumentState: doc }))),
      });
      const answer = (await response.json()) as unknown[];
      if (response.status !== 200 || answer.length > 0)
        throw new Error(`push answered ${response.status}: ${JSON.stringify(answer).slice(0, 300)}`);
    });
    const db = await openPostgres(storage.options.databaseUrl ?? '');
    try {
      const baseSeconds = await timed(
        batchesOf(
          leads(rows).map((doc) => ({ ...doc, id: randomUUID() })),
          batchSize,
        ),
        concurrency,
        async (batch) => {
          await db.query(
            `INSERT INTO sync_docs (collection, id, owner, seq, deleted, data)
           SELECT 'leads', e ->> 'id', 'user-alex', nextval('sync_seq'), false, e FROM jsonb_array_elements($1::jsonb) AS e`,
            [JSON.stringify(batch)],
          );
        },
      );
      return [rows / pushSeconds, rows / baseSeconds];
    } finally {
      await db.close();
    }
  } finally {
    await central.close();
    await storage.dispose();
  }
}

export async function measurePush(options: PushBenchOptions = {}): Promise<BenchMeasure> {
  const rows = options.rows ?? 20_000;
  const batchSize = options.batchSize ?? 200;
  const concurrency = options.concurrency ?? 4;
  const runs = options.runs ?? 3;
  const server = options.serverUrl
    ? { url: options.serverUrl, stop: async () => undefined }
    : process.env.DATABASE_URL
      ? { url: process.env.DATABASE_URL, stop: async () => undefined }
      : await postgresServer();
  const values: number[] = [];
  const baseline: number[] = [];
  try {
    for (let run = 1; run <= runs; run += 1) {
      const [push, base] = await oneRun(server.url, rows, batchSize, concurrency);
      log(`run ${run}/${runs}: push ${Math.round(push)} rows/s, straight INSERT ${Math.round(base)} rows/s`);
      values.push(push);
      baseline.push(base);
    }
  } finally {
    await server.stop();
  }
  return {
    id: 'P1',
    name: `sync push, ${batchSize}-row batches, ${concurrency} at once (PostgreSQL)`,
    unit: 'rows/s',
    values,
    baseline,
    target: { min: 5000 },
    note: `${rows.toLocaleString('en-US')} leads per run; baseline = straight INSERT ... SELECT FROM jsonb_array_elements per batch`,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const measure = await measurePush({
    rows: Number(process.env.BENCH_PUSH_ROWS ?? 20_000),
    concurrency: Number(process.env.BENCH_PUSH_CONCURRENCY ?? 4),
    runs: Number(process.env.BENCH_PUSH_RUNS ?? 3),
  });
  console.log(formatRow(measure));
}
