/**
 * `npm run central:cluster -- --instances 3 [--port 4010]`: N central instances on one
 * PostgreSQL behind a round-robin proxy, until Ctrl-C. PostgreSQL: DATABASE_URL, or a throwaway
 * cluster (test/support/start-postgres.sh) deleted at the end. Instance settings come from the
 * environment as for `npm run central` (OUTPOST_FULFILLMENT, OUTPOST_TOKEN_TTL, ...).
 */
import { parseArgs } from 'node:util';
import { startLocalCluster } from './launch';

function wholeNumber(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, got "${raw}"`);
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { instances: { type: 'string' }, port: { type: 'string' } } });
  const cluster = await startLocalCluster({
    instances: wholeNumber('instances', values.instances, 3),
    port: wholeNumber('port', values.port, 4010),
    ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
    log: (message) => console.error(message),
  });
  for (const instance of cluster.instances) console.log(`${instance.id} on ${instance.url}`);
  console.log(
    `Central cluster of ${cluster.instances.length} on ${cluster.url} (PostgreSQL ${process.env.DATABASE_URL ? 'from DATABASE_URL' : 'throwaway'}); Ctrl-C stops it`,
  );
  let stopping = false;
  for (const instance of cluster.instances) {
    void instance.exited.then(() => {
      if (!stopping) console.error(`${instance.id} stopped; the proxy sends its requests to the others`);
    });
  }
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    cluster.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('The cluster did not stop cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('The central cluster failed to start:', error);
  process.exit(1);
});
