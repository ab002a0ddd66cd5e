/**
 * Runs one scenario with autocannon in a worker thread, so the load generator does not share
 * the event loop of the central system it measures (which runs in the main thread). Posts a
 * LoadResult back. p95 is computed from every 2xx response time (autocannon reports p97.5).
 */
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';
import { requestsFor, type LoadJob } from './scenarios';

export interface LoadResult {
  requests: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  /** Non-2xx answers, connection errors and timeouts. */
  failed: number;
  /** 200 answers to a push that returned a row (refused or conflicting) instead of storing it. */
  refusedRows: number;
  statusCodes: Record<string, number>;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function run(job: LoadJob): Promise<LoadResult> {
  let refusedRows = 0;
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.url,
        connections: job.connections,
        duration: job.seconds,
        requests: requestsFor(job, () => {
          refusedRows += 1;
        }),
      },
      (error: Error | null, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]));
  return {
    // Inside a worker thread autocannon skips its aggregation: the raw counters are what it gives.
    requests: (result as unknown as { totalCompletedRequests: number }).totalCompletedRequests,
    seconds: result.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    failed: result.non2xx + result.errors + result.timeouts,
    refusedRows,
    statusCodes,
  };
}

run(workerData as LoadJob).then(
  (result) => parentPort?.postMessage({ result }),
  (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
