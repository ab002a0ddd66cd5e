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
export async function openPglite(dataDir?: string): Promise<Db> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir);
  const root = wrap(pg);
  return {
    description: dataDir ? `PGlite at ${dataDir}` : 'PGlite in memory',
    query: root.query,
    // PGlite runs one transaction at a time on its single connection, so callers must use `tx`.
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
