/**
 * `npm run bench:central`: load figures for the central system on PGlite and on PostgreSQL.
 * A real central system (createCentral, seeded, plus BENCH_REPS bench reps) listens on
 * 127.0.0.1 in this process; autocannon fires from a worker thread; each scenario runs
 * BENCH_SECONDS seconds. Prints figures, not a pass/fail: it is not part of npm test.
 *
 *   BENCH_REPS=200 BENCH_SECONDS=5 BENCH_ENGINES=pglite,postgres npm run bench:central
 *   BENCH_CLUSTER=1 [BENCH_REPS=1000] npm run bench:central     # 1 vs 3 instances (cluster.ts)
 *   BENCH_SCENARIOS="order push" ...                            # only the scenarios named (comma-separated)
 */
import { createCentral } from '../src/server';
import { benchReps, seedBenchReps } from './benchSeed';
import { runClusterBench } from './cluster';
import { runInWorker, signInAll, token } from './load';
import { pgliteStorage, postgresServer, postgresStorage, type BenchStorage } from './engines';
import { reportTable, type Measured } from './report';
import { SCENARIOS } from './scenarios';

const REPS = Number(process.env.BENCH_REPS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',').map((name) => name.trim().toLowerCase());

const WANTED = process.env.BENCH_SCENARIOS?.split(',').map((name) => name.trim());
const RUN_SCENARIOS = SCENARIOS.filter((scenario) => !WANTED || WANTED.includes(scenario));

const log = (message: string) => console.error(`[bench] ${message}`);

async function benchOn(storage: BenchStorage): Promise<Measured[]> {
  const reps = benchReps(REPS);
  const db = await storage.open();
  try {
    await seedBenchReps(db, reps);
  } finally {
    await db.close();
  }
  const central = await createCentral({ seed: true, ...storage.options });
  try {
    await central.app.listen({ port: 0, host: '127.0.0.1' });
    const address = central.app.server.address();
    if (!address || typeof address === 'string') throw new Error('central is not listening on a TCP port');
    const url = `http://127.0.0.1:${address.port}`;
    log(`${storage.engine}: ${central.storage} at ${url}; signing in ${reps.length} reps`);
    const job = {
      url,
      connections: reps.length,
      seconds: SECONDS,
      reps: await signInAll(url, reps),
      integrationToken: await token(url, { grant_type: 'client_credentials', client_id: 'tmf-client', client_secret: 'demo' }),
    };
    await runInWorker({ ...job, scenario: 'pull', seconds: 1 }); // warm-up, not reported
    const measured: Measured[] = [];
    for (const scenario of RUN_SCENARIOS) {
      log(`${storage.engine}: ${scenario} for ${SECONDS} s with ${job.connections} connections`);
      measured.push({ engine: storage.engine, scenario, connections: job.connections, result: await runInWorker({ ...job, scenario }) });
    }
    return measured;
  } finally {
    await central.close();
  }
}

async function main(): Promise<void> {
  if (process.env.BENCH_CLUSTER === '1') {
    await runClusterBench();
    return;
  }
  const rows: Measured[] = [];
  if (ENGINES.includes('pglite')) {
    const storage = await pgliteStorage();
    try {
      rows.push(...(await benchOn(storage)));
    } finally {
      await storage.dispose();
    }
  }
  if (ENGINES.includes('postgres')) {
    const server = await postgresServer();
    try {
      const storage = await postgresStorage(server.url);
      try {
        rows.push(...(await benchOn(storage)));
      } finally {
        await storage.dispose();
      }
    } finally {
      await server.stop();
    }
  }
  console.log(`\nOutpost central load benchmark: ${REPS} signed-in reps, ${SECONDS} s per scenario, loopback (127.0.0.1)\n`);
  console.log(reportTable(rows));
  console.log(
    '\nlatency of 2xx answers; failed = non-2xx, errors, timeouts; refused rows = pushed rows the server returned instead of storing',
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
