/**
 * `BENCH_CLUSTER=1 npm run bench:central`: the same load against 1 and then 3 instances on one
 * PostgreSQL, each time behind the cluster's round-robin proxy (central/cluster/), so the only
 * difference is the number of instances. BENCH_REPS (default 1,000) signed-in reps,
 * BENCH_SECONDS per scenario, BENCH_CLUSTER_SIZES (default "1,3"). Prints throughput, p95 and
 * the ratio of each size to the first, and how long a change committed on one instance takes to
 * reach a stream on another while the order pushes run (propagation.ts).
 */
import { startLocalCluster } from '../cluster/launch';
import { benchReps, seedBenchReps } from './benchSeed';
import { postgresServer, postgresStorage } from './engines';
import { runInWorker, signInAll, token } from './load';
import type { LoadResult } from './loadWorker';
import { measurePropagation, type PropagationResult } from './propagation';
import { SCENARIO_TITLES, type ScenarioName } from './scenarios';

const REPS = Number(process.env.BENCH_REPS ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const SIZES = (process.env.BENCH_CLUSTER_SIZES ?? '1,3').split(',').map(Number);
const CLUSTER_SCENARIOS: readonly ScenarioName[] = ['order push', 'pull+push'];

const log = (message: string) => console.error(`[bench] ${message}`);

interface ClusterMeasured {
  instances: number;
  scenario: ScenarioName;
  result: LoadResult;
}

interface PropagationMeasured {
  instances: number;
  path: string;
  result: PropagationResult;
}

const propagations: PropagationMeasured[] = [];

async function benchSize(serverUrl: string, instances: number): Promise<ClusterMeasured[]> {
  const storage = await postgresStorage(serverUrl);
  const reps = benchReps(REPS);
  try {
    const db = await storage.open();
    try {
      await seedBenchReps(db, reps);
    } finally {
      await db.close();
    }
    const cluster = await startLocalCluster({
      instances,
      databaseUrl: storage.options.databaseUrl ?? '',
      // Only the load under test writes: no fulfillment timer stepping the pushed orders.
      env: { OUTPOST_FULFILLMENT: 'manual' },
      log: (message) => log(message),
    });
    try {
      log(`${instances} instance(s) behind ${cluster.url}; signing in ${reps.length} reps`);
      const job = {
        url: cluster.url,
        connections: reps.length,
        seconds: SECONDS,
        reps: await signInAll(cluster.url, reps),
        integrationToken: await token(cluster.url, { grant_type: 'client_credentials', client_id: 'tmf-client', client_secret: 'demo' }),
      };
      await runInWorker({ ...job, scenario: 'pull', seconds: 1 }); // warm-up, not reported
      const measured: ClusterMeasured[] = [];
      for (const scenario of CLUSTER_SCENARIOS) {
        log(`${instances} instance(s): ${scenario} for ${SECONDS} s with ${job.connections} connections`);
        const load = runInWorker({ ...job, scenario });
        if (scenario === 'order push') {
          // Stream on the first instance, pushes through the last one: another instance when there are several.
          const [first, last] = [cluster.instances[0], cluster.instances[cluster.instances.length - 1]];
          if (first && last) {
            const result = await measurePropagation(first.url, last.url, load);
            propagations.push({ instances, path: `${last.id} -> stream on ${first.id}`, result });
          }
        }
        measured.push({ instances, scenario, result: await load });
      }
      return measured;
    } finally {
      await cluster.stop();
    }
  } finally {
    await storage.dispose();
  }
}

function table(rows: readonly ClusterMeasured[]): string {
  const rate = (row: ClusterMeasured) => row.result.requests / row.result.seconds;
  const base = (row: ClusterMeasured) => rows.find((other) => other.scenario === row.scenario && other.instances === SIZES[0]);
  const ratio = (value: number, baseline: number | undefined) =>
    baseline && Number.isFinite(value) && Number.isFinite(baseline) ? `${(value / baseline).toFixed(2)}x` : '-';
  const header = [
    'instances',
    'scenario',
    'requests',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'failed',
    'refused rows',
    `req/s vs ${SIZES[0]}`,
    `p95 vs ${SIZES[0]}`,
  ];
  const lines = rows.map((row) => {
    const first = base(row);
    return [
      String(row.instances),
      `${row.scenario}: ${SCENARIO_TITLES[row.scenario]}`,
      String(row.result.requests),
      rate(row).toFixed(0),
      row.result.p50.toFixed(0),
      row.result.p95.toFixed(0),
      row.result.p99.toFixed(0),
      String(row.result.failed),
      String(row.result.refusedRows),
      first === row ? 'baseline' : ratio(rate(row), first && rate(first)),
      first === row ? 'baseline' : ratio(row.result.p95, first?.result.p95),
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
  const format = (line: readonly string[]) =>
    line.map((cell, column) => (column === 1 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ');
  return [format(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...lines.map(format)].join('\n');
}

function propagationTable(rows: readonly PropagationMeasured[]): string {
  const header = ['instances', 'change committed through -> seen on', 'samples', 'p50 ms', 'p95 ms', 'max ms', 'missed'];
  const lines = rows.map((row) => [
    String(row.instances),
    row.path,
    String(row.result.samples),
    row.result.p50.toFixed(0),
    row.result.p95.toFixed(0),
    row.result.max.toFixed(0),
    String(row.result.missed),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
  const format = (line: readonly string[]) =>
    line.map((cell, column) => (column === 1 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ');
  return [format(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...lines.map(format)].join('\n');
}

export async function runClusterBench(): Promise<void> {
  const server = await postgresServer();
  const rows: ClusterMeasured[] = [];
  try {
    for (const size of SIZES) {
      rows.push(...(await benchSize(server.url, size)));
      // As it goes: a run cut short still leaves the figures of the sizes it finished.
      log(`so far:\n${table(rows)}\n${propagationTable(propagations)}`);
    }
  } finally {
    await server.stop();
  }
  console.log(
    `\nOutpost central cluster benchmark: ${REPS} signed-in reps, ${SECONDS} s per scenario, PostgreSQL, through the cluster proxy\n`,
  );
  console.log(table(rows));
  console.log('\nlatency of 2xx answers; failed = non-2xx, errors, timeouts; the proxy is in both measurements');
  console.log('\nChange propagation during the order push load: a push answered -> its change event on a /sync/stream\n');
  console.log(propagationTable(propagations));
}
