/**
 * Test harness: a real central system on a real port, over PGlite in memory and, when
 * TEST_DATABASE_URL is set, over PostgreSQL in a fresh database per server.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { createCentral, type CentralOptions } from '../server';
import { api, integrationToken, signIn, type Api } from './client';
import './providedContext';

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

let template: Promise<Blob | undefined> | undefined;

/**
 * Options that start an in-memory PGlite central system from the migrated, seeded template the
 * global setup dumped (pgliteTemplate.globalSetup.ts), read once per test file; none without it.
 */
export function seededPglite(): Promise<Pick<CentralOptions, 'pgliteFrom'>> {
  template ??= (async () => {
    const file = inject('pgliteTemplate');
    return file ? new Blob([await readFile(file)]) : undefined;
  })();
  return template.then((pgliteFrom) => (pgliteFrom ? { pgliteFrom } : {}));
}

const pglite: Engine = {
  name: 'pglite',
  prepare: async (persistent = false) => {
    if (!persistent) return { options: await seededPglite(), dispose: async () => undefined };
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
/**
 * For suites whose subject sits above the SQL (route conformance, authorization, HTTP hardening,
 * OpenAPI, callback guards): one engine, PostgreSQL when there is one. Suites about storing,
 * syncing and ordering run on ENGINES.
 */
export const ONE_ENGINE: Engine[] = testDatabaseUrl ? [postgres(testDatabaseUrl)] : [pglite];

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

/** The parties a suite acts as: the integration client and the seeded rep, rep and manager. */
export type SuiteParty = 'tmf' | 'alex' | 'sam' | 'morgan';

export type CentralSuite = Record<SuiteParty, Api> & {
  /** The suite's central system: its `url` is known once the suite's beforeAll ran. */
  readonly central: TestCentral;
};

/** An Api usable at describe time that calls the one signed in by beforeAll. */
function lateApi(name: string, current: () => Api | undefined): Api {
  const target = (): Api => {
    const client = current();
    if (!client) throw new Error(`${name} is not signed in yet: use it inside a test or hook`);
    return client;
  };
  return {
    get: (path) => target().get(path),
    post: (path, body) => target().post(path, body),
    pull: (collection, seq, limit) => target().pull(collection, seq, limit),
    push: (collection, rows) => target().push(collection, rows),
  };
}

/**
 * One seeded central system for a describe block, with the integration client, alex, sam and
 * morgan signed in, started before its tests and closed after them: the preamble every API suite
 * otherwise writes again.
 */
export function centralSuite(engine: Engine, options: CentralOptions = {}): CentralSuite {
  let started: TestCentral | undefined;
  const clients = new Map<SuiteParty, Api>();
  beforeAll(async () => {
    started = await startCentral(engine, options);
    const url = started.url;
    const [tmf, alex, sam, morgan] = await Promise.all([
      integrationToken(url),
      signIn(url, 'alex'),
      signIn(url, 'sam'),
      signIn(url, 'morgan'),
    ]);
    clients.set('tmf', api(url, tmf)).set('alex', api(url, alex)).set('sam', api(url, sam)).set('morgan', api(url, morgan));
  });
  afterAll(() => started?.close());
  const party = (name: SuiteParty) => lateApi(name, () => clients.get(name));
  return {
    central: {
      get url(): string {
        if (!started) throw new Error('the central system is not started yet: use it inside a test or hook');
        return started.url;
      },
      close: async () => started?.close(),
    },
    tmf: party('tmf'),
    alex: party('alex'),
    sam: party('sam'),
    morgan: party('morgan'),
  };
}
