import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, Queryable, Row } from './db';

function wrap(target: PGlite | Transaction): Queryable {
  return {
    async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
      const result = await target.query<R>(sql, [...params]);
      return result.rows;
    },
  };
}

/** Embedded PostgreSQL (WASM). `dataDir` undefined = in memory, gone at close. */
export async function openPglite(dataDir?: string, from?: Blob): Promise<Db> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  // From a dump (PGlite dumpDataDir): skips initdb, the slow part of a start (seconds).
  return pgliteDb(await PGlite.create(dataDir, from ? { loadDataDir: from } : {}), dataDir ? `PGlite at ${dataDir}` : 'PGlite in memory');
}

export function pgliteDb(pg: PGlite, description: string): Db {
  const root = wrap(pg);
  return {
    description,
    query: root.query,
    // PGlite runs one transaction at a time on its single connection, so callers must use `tx`.
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
