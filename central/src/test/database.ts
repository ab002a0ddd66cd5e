/**
 * A migrated, seeded database of one engine, opened directly: for tests of machinery that
 * runs beside the HTTP API (e.g. hub delivery) and of what survives a restart.
 */
import type { Db } from '../platform/db/db';
import { MIGRATIONS } from '../migrations';
import { migrate } from '../platform/db/migrations';
import { openPglite } from '../platform/db/pglite';
import { openPostgres } from '../platform/db/postgres';
import { seedDemoData } from '../seed';
import { createCentral, type CentralOptions } from '../server';
import type { Engine } from './harness';

export interface TestDatabase {
  /** The storage options a createCentral on this database would take. */
  options: CentralOptions;
  /** Opens (again) the same database; PGlite data is in a folder so it outlives a close. */
  open(): Promise<Db>;
  dispose(): Promise<void>;
}

export async function prepareDatabase(engine: Engine): Promise<TestDatabase> {
  const storage = await engine.prepare(true);
  const open = async (): Promise<Db> => {
    const db = storage.options.databaseUrl ? await openPostgres(storage.options.databaseUrl) : await openPglite(storage.options.dataDir);
    await migrate(db, MIGRATIONS);
    await seedDemoData(db);
    return db;
  };
  return { options: storage.options, open, dispose: storage.dispose };
}

/** A central system on an existing database (createCentral + listen on a free port). */
export async function serveCentral(options: CentralOptions): Promise<{ url: string; close(): Promise<void> }> {
  const central = await createCentral({ seed: true, ...options });
  await central.app.listen({ port: 0, host: '127.0.0.1' });
  const address = central.app.server.address();
  if (!address || typeof address === 'string') throw new Error('The central system is not listening on a TCP port');
  return { url: `http://127.0.0.1:${address.port}`, close: () => central.close() };
}
