/**
 * `npx tsx central/bench/statements.ts`: the SQL statements one sync push of queued orders runs,
 * listed in order, on PGlite and on PostgreSQL (BENCH_ENGINES as in run.ts). Under load every
 * statement is a round trip the request waits for, so their number is an order push's cost
 * (README, bench:central). Drives applyPush as the push route does; the route's bearer-token
 * lookup (one statement, outside the transaction) is not in the list.
 *
 *   BENCH_ORDERS=5 npx tsx central/bench/statements.ts    # one push request of 5 orders
 */
import { type Db, type Queryable, type Row } from '../src/platform/db/db';
import { findUserByName } from '../src/platform/auth/users';
import { parsePushBody } from '../src/platform/sync/pushInput';
import { applyPush } from '../src/platform/sync/pushBatch';
import { orderSyncRules } from '../src/ordering';
import { newOrder } from '../src/test/fixtures';
import { pgliteStorage, postgresServer, postgresStorage, type BenchStorage } from './engines';

const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',').map((name) => name.trim().toLowerCase());
const ORDERS = Number(process.env.BENCH_ORDERS ?? 1);

/** The database with every statement it runs appended to `log` (BEGIN and COMMIT included). */
function counted(db: Db, log: string[]): Db {
  const wrap = (target: Queryable): Queryable => ({
    query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]> {
      log.push(sql.replace(/\s+/g, ' ').trim());
      return target.query<R>(sql, params);
    },
  });
  const root = wrap(db);
  return {
    description: db.description,
    query: root.query,
    transaction: async (fn) => {
      log.push('BEGIN');
      const result = await db.transaction((tx) => fn(wrap(tx)));
      log.push('COMMIT');
      return result;
    },
    close: () => db.close(),
  };
}

async function measure(storage: BenchStorage): Promise<void> {
  const db = await storage.open();
  try {
    const alex = await findUserByName(db, 'alex');
    if (!alex) throw new Error('the demo seed has no user alex');
    // A first push warms what a running server has warm; it is not counted.
    const push = (log: string[]) =>
      applyPush(
        counted(db, log),
        alex,
        'orders',
        parsePushBody(
          'orders',
          Array.from({ length: ORDERS }, () => ({ newDocumentState: newOrder(alex.id) })),
        ),
        orderSyncRules,
        (error) => console.error(error),
        'bench-device',
      );
    await push([]);
    const log: string[] = [];
    const outcome = await push(log);
    const states = outcome.stored.filter((doc) => doc.collection === 'orders').map((doc) => String(doc.data.status));
    console.log(`\n${storage.engine}: one push of ${ORDERS} queued order(s): ${log.length} statements; stored ${states.join(', ')}`);
    log.forEach((sql, i) => console.log(`${String(i + 1).padStart(3)}  ${sql.length > 150 ? `${sql.slice(0, 150)}...` : sql}`));
  } finally {
    await db.close();
    await storage.dispose();
  }
}

async function main(): Promise<void> {
  if (ENGINES.includes('pglite')) await measure(await pgliteStorage());
  if (ENGINES.includes('postgres')) {
    const server = await postgresServer();
    try {
      await measure(await postgresStorage(server.url));
    } finally {
      await server.stop();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
