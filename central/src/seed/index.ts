import { takeWriteLock, type Db } from '../platform/db/db';
import { seedCatalog } from '../catalog';
import { hashPassword } from '../platform/auth/passwords';
import { insertUserIfAbsent } from '../platform/auth/users';
import { insertDocIfAbsent, type DocWrite } from '../platform/sync/docs';
import type { JsonObject } from '../platform/json';
import type { CollectionName } from '../../../shared/schemas';
import { SEED_ACCOUNTS, SEED_CONTACTS, SEED_LEADS } from './customers';
import { VISION_RULE_SETS } from '../../../shared/leads/vision.ruleSets';
import { DEMO_PASSWORD, SEED_USERS } from './users';
import { SEED_POLICIES } from './policies';

export interface SeedResult {
  users: number;
  documents: number;
}

function docs(collection: CollectionName, list: readonly { id: string; owner?: string }[]): DocWrite[] {
  return list.map((doc) => ({
    collection,
    id: doc.id,
    owner: doc.owner ?? null,
    deleted: false,
    data: { ...doc } as JsonObject,
  }));
}

/**
 * Demo company data. Idempotent: only what is missing is inserted, so a restart never
 * overwrites what reps changed, and new seed records reach an existing database.
 */
export async function seedDemoData(db: Db): Promise<SeedResult> {
  const existing = new Set((await db.query<{ username: string }>('SELECT username FROM users')).map((row) => row.username));
  // Hash outside the transaction: scrypt is deliberately slow.
  const missing = await Promise.all(
    SEED_USERS.filter((user) => !existing.has(user.username)).map(async (user) => ({
      ...user,
      passwordHash: await hashPassword(DEMO_PASSWORD),
    })),
  );
  const writes = [
    ...docs('ruleSets', VISION_RULE_SETS),
    ...docs('policies', SEED_POLICIES),
    ...docs('accounts', SEED_ACCOUNTS),
    ...docs('contacts', SEED_CONTACTS),
    ...docs('leads', SEED_LEADS),
  ];
  return db.transaction(async (tx) => {
    await takeWriteLock(tx);
    let users = 0;
    // Managers first: reps reference them.
    for (const user of missing) if (await insertUserIfAbsent(tx, user)) users += 1;
    let documents = 0;
    for (const write of writes) if (await insertDocIfAbsent(tx, write)) documents += 1;
    // The offerings documents are projected from the TMF620 catalog, their source of truth.
    documents += await seedCatalog(tx);
    return { users, documents };
  });
}
