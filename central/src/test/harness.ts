/**
 * Test harness: a real central system on a real port, over PGlite in memory and, when
 * TEST_DATABASE_URL is set, over PostgreSQL in a fresh database per server.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createCentral, type CentralOptions } from '../server';

export interface Engine {
  name: 'pglite' | 'postgres';
  /**
   * Storage options for one fresh, independent database, and how to drop it. `persistent`
   * PGlite uses a temporary folder instead of memory, so a second server can reopen it.
   */
  prepare(persistent?: boolean): Promise<{ options: CentralOptions; dispose(): Promise<void> }>;
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh database on the test server per call, so runs and suites never see each other's data. */
export async function freshPostgresDatabase(baseUrl: string): Promise<{ url: string; dispose(): Promise<void> }> {
  const name = `outpost_t_${randomBytes(6).toString('hex')}`;
  await withAdmin(baseUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dispose: () => withAdmin(baseUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

const pglite: Engine = {
  name: 'pglite',
  prepare: async (persistent = false) => {
    if (!persistent) return { options: {}, dispose: async () => undefined };
    const dataDir = await mkdtemp(join(tmpdir(), 'outpost-pglite-'));
    return { options: { dataDir }, dispose: () => rm(dataDir, { recursive: true, force: true }) };
  },
};

function postgres(baseUrl: string): Engine {
  return {
    name: 'postgres',
    prepare: async () => {
      const database = await freshPostgresDatabase(baseUrl);
      return { options: { databaseUrl: database.url }, dispose: database.dispose };
    },
  };
}

const testDatabaseUrl = process.env.TEST_DATABASE_URL;
/** describe.each over these: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const ENGINES: Engine[] = testDatabaseUrl ? [pglite, postgres(testDatabaseUrl)] : [pglite];

export interface TestCentral {
  url: string;
  close(): Promise<void>;
}

export async function startCentral(engine: Engine, options: CentralOptions = {}): Promise<TestCentral> {
  const storage = await engine.prepare();
  const central = await createCentral({ seed: true, ...storage.options, ...options });
  await central.app.listen({ port: 0, host: '127.0.0.1' });
  const address = central.app.server.address();
  if (!address || typeof address === 'string') throw new Error('The central system is not listening on a TCP port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await central.close();
      await storage.dispose();
    },
  };
}
