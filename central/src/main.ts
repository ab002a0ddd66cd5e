/**
 * `npm run central`: the central system as a process. Configuration by environment:
 * PORT (4010; 0 = any free port), HOST (127.0.0.1), DATABASE_URL (PostgreSQL) or OUTPOST_DATA_DIR (PGlite folder,
 * default .outpost-data/central), OUTPOST_CORS_ORIGINS (comma list), OUTPOST_TOKEN_TTL (seconds, 3600),
 * OUTPOST_LOG=1 for request logs; fulfillment: OUTPOST_FULFILLMENT (auto|manual, default auto),
 * OUTPOST_FULFILLMENT_SEED, OUTPOST_FALLOUT_RATE (0..1), OUTPOST_FULFILLMENT_INTERVAL_MS, OUTPOST_FULFILLMENT_LEASE_MS;
 * OUTPOST_TRUST_PROXY=1 behind a reverse proxy (client addresses from X-Forwarded-For);
 * OUTPOST_HUB_ALLOWED_HOSTS (comma list of hosts, addresses, CIDRs hub callbacks may reach although internal);
 * OUTPOST_STREAM_HEARTBEAT_MS (time between /sync/stream heartbeats, default 4000);
 * OUTPOST_INSTANCE_ID (this instance's name among several on one database, in leases and logs);
 * updates: OUTPOST_UPDATES_DIR (folder served under /updates/), OUTPOST_UPDATES_ROLLOUT (latest=25,beta=100),
 * OUTPOST_MIN_APP_VERSION (older apps push but do not pull);
 * OUTPOST_SMTP_URL (smtp://host:port: order acknowledgement emails; unset: none), OUTPOST_MAIL_FROM;
 * OUTPOST_DEMO=1 for the demo company (`npm start`): CORS also allows local http origins by default.
 */
import { resolve } from 'node:path';
import { fulfillmentOptionsFromEnv, mailOptionsFromEnv } from './ordering';
import { DEFAULT_STREAM_HEARTBEAT_MS } from '../../shared/sync/protocol';
import { updateOptionsFromEnv } from './platform/updates/options';
import { createCentral } from './server';
import { DEFAULT_POOL_SIZE } from './platform/db/postgres';

function wholeNumber(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function list(raw: string | undefined): string[] | undefined {
  const items = raw
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return items && items.length > 0 ? items : undefined;
}

async function main(): Promise<void> {
  const port = wholeNumber('PORT', 4010, 0, 65535);
  const host = process.env.HOST || '127.0.0.1';
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = resolve(process.env.OUTPOST_DATA_DIR || '.outpost-data/central');
  const corsOrigins = list(process.env.OUTPOST_CORS_ORIGINS);
  const hubAllowedHosts = list(process.env.OUTPOST_HUB_ALLOWED_HOSTS);

  const central = await createCentral({
    databaseUrl,
    dbPoolSize: wholeNumber('OUTPOST_DB_POOL', DEFAULT_POOL_SIZE, 1, 1000),
    dataDir: databaseUrl ? undefined : dataDir,
    seed: true,
    corsOrigins,
    demo: process.env.OUTPOST_DEMO === '1',
    tokenTtlSeconds: wholeNumber('OUTPOST_TOKEN_TTL', 3600, 1, 365 * 24 * 3600),
    logger: process.env.OUTPOST_LOG === '1',
    // Sign-in limits count per client address: behind a proxy that address is in X-Forwarded-For.
    trustProxy: process.env.OUTPOST_TRUST_PROXY === '1',
    // A demo shows orders progressing unless OUTPOST_FULFILLMENT=manual.
    fulfillment: fulfillmentOptionsFromEnv(process.env, 'auto'),
    ...(hubAllowedHosts ? { events: { allowedHosts: hubAllowedHosts } } : {}),
    streamHeartbeatMs: wholeNumber('OUTPOST_STREAM_HEARTBEAT_MS', DEFAULT_STREAM_HEARTBEAT_MS, 100, 600_000),
    ...(process.env.OUTPOST_INSTANCE_ID ? { instanceId: process.env.OUTPOST_INSTANCE_ID } : {}),
    // Every acknowledgement says on the console whether its email went out (and why not).
    mail: { ...mailOptionsFromEnv(process.env), log: (line) => console.log(`[central] ${line}`) },
    updates: updateOptionsFromEnv(process.env, (folder) => resolve(folder)),
  });
  await central.app.listen({ port, host });
  // PORT=0 picks a free port: report the one actually bound.
  const address = central.app.server.address();
  const boundPort = address && typeof address === 'object' ? address.port : port;
  console.log(`Central system listening on http://${host}:${boundPort} (storage: ${databaseUrl ? 'PostgreSQL' : `PGlite at ${dataDir}`})`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    central.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Central system failed to stop cleanly after ${signal}:`, error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('Central system failed to start:', error);
  process.exit(1);
});
