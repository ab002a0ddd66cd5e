import pg from 'pg';
import type { Db, Queryable, Row } from './db';

/** Connections per instance: pushes of new orders work side by side (pushBatch.ts deferWriteLock). */
export const DEFAULT_POOL_SIZE = 20;

/** PostgreSQL through a pg connection pool of `poolSize` connections. */
export async function openPostgres(connectionString: string, poolSize = DEFAULT_POOL_SIZE): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const query = async <R extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<R[]> => {
    const result = await pool.query<R>(sql, [...params]);
    return result.rows;
  };
  await query('SELECT 1');
  return {
    description: 'PostgreSQL',
    query,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      const tx: Queryable = {
        async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
          return (await client.query<R>(sql, [...params])).rows;
        },
      };
      try {
        await client.query('BEGIN');
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
