/**
 * The storage a benchmark run uses: PGlite in a temporary data folder (as the default server
 * keeps it), or a fresh database on a PostgreSQL server - BENCH_DATABASE_URL or
 * TEST_DATABASE_URL, else a throwaway cluster from test/support/start-postgres.sh, stopped after.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Db } from '../src/platform/db/db';
import { MIGRATIONS } from '../src/migrations';
import { migrate } from '../src/platform/db/migrations';
import { openPglite } from '../src/platform/db/pglite';
import { openPostgres } from '../src/platform/db/postgres';
import { seedDemoData } from '../src/seed';
import type { CentralOptions } from '../src/server';
import { freshPostgresDatabase } from '../src/test/harness';

const run = promisify(execFile);

export type EngineName = 'PGlite' | 'PostgreSQL';

export interface BenchStorage {
  engine: EngineName;
  options: CentralOptions;
  /** The database migrated and demo-seeded, opened directly (close it before the server starts). */
  open(): Promise<Db>;
  dispose(): Promise<void>;
}

async function migratedAndSeeded(db: Db): Promise<Db> {
  await migrate(db, MIGRATIONS);
  await seedDemoData(db);
  return db;
}

export async function pgliteStorage(): Promise<BenchStorage> {
  const dataDir = await mkdtemp(join(tmpdir(), 'outpost-bench-'));
  return {
    engine: 'PGlite',
    options: { dataDir },
    open: async () => migratedAndSeeded(await openPglite(dataDir)),
    dispose: () => rm(dataDir, { recursive: true, force: true }),
  };
}

export async function postgresStorage(serverUrl: string): Promise<BenchStorage> {
  const database = await freshPostgresDatabase(serverUrl);
  return {
    engine: 'PostgreSQL',
    options: { databaseUrl: database.url },
    open: async () => migratedAndSeeded(await openPostgres(database.url)),
    dispose: database.dispose,
  };
}

export interface PostgresServer {
  url: string;
  /** Stops the throwaway cluster; nothing for a server given by URL. */
  stop(): Promise<void>;
}

const START_SCRIPT = fileURLToPath(new URL('../../test/support/start-postgres.sh', import.meta.url));

export async function postgresServer(): Promise<PostgresServer> {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (given) return { url: given, stop: async () => undefined };
  const { stdout, stderr } = await run('bash', [START_SCRIPT], { maxBuffer: 16 * 1024 * 1024 });
  const stopScript = /stop with (\S+\/stop\.sh)/.exec(stderr)?.[1];
  const url = stdout.trim().split('\n').pop();
  if (!url || !stopScript) throw new Error(`start-postgres.sh gave no URL or stop script:\n${stderr}`);
  return {
    url,
    stop: async () => {
      await run(stopScript);
    },
  };
}
