/**
 * Users beyond the demo identities, inserted into a database before a central system starts on
 * it (there is no user-administration API): e.g. a rep outside morgan's team for the
 * authorization matrix, or hundreds of reps for the load benchmark. Password `demo`, like the
 * demo identities; hashed once for all of them, since scrypt is deliberately slow.
 */
import type { Role } from '../../../shared/sync/protocol';
import { hashPassword } from '../platform/auth/passwords';
import { insertUserIfAbsent } from '../platform/auth/users';
import type { Db } from '../platform/db/db';
import type { CentralOptions } from '../server';
import { DEMO_PASSWORD } from '../seed/users';
import { startCentralOn, type RunningCentral } from './centralOn';
import { prepareDatabase } from './database';
import type { Engine } from './harness';

export interface ExtraUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  managerId?: string;
}

/** Inserts the users that do not exist yet (by username); managers must come before their reps. */
export async function insertExtraUsers(db: Db, users: readonly ExtraUser[]): Promise<number> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let inserted = 0;
  await db.transaction(async (tx) => {
    for (const user of users) if (await insertUserIfAbsent(tx, { ...user, passwordHash })) inserted += 1;
  });
  return inserted;
}

/**
 * A seeded central system on a fresh database of `engine` that also knows `users`; `prepare` may
 * write more before it starts (the seed inserts only what is missing, so it keeps what was written).
 */
export async function startCentralWithUsers(
  engine: Engine,
  users: readonly ExtraUser[],
  options: CentralOptions = {},
  prepare?: (db: Db) => Promise<void>,
): Promise<RunningCentral> {
  const database = await prepareDatabase(engine);
  try {
    const db = await database.open();
    try {
      await insertExtraUsers(db, users);
      await prepare?.(db);
    } finally {
      await db.close();
    }
    const central = await startCentralOn({ ...database.options, ...options });
    return {
      url: central.url,
      close: async () => {
        try {
          await central.close();
        } finally {
          await database.dispose();
        }
      },
    };
  } catch (error) {
    await database.dispose();
    throw error;
  }
}
