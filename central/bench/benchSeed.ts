/**
 * Bench-only seeding: `count` extra reps (bench-rep-001...), each with a customer account shaped
 * like the demo's Harbor Logistics (so the app's order fixture fits it) and a few leads, written
 * straight into the database before the central system starts on it. Never part of the demo seed.
 */
import { randomUUID } from 'node:crypto';
import { takeWriteLock, type Db } from '../src/platform/db/db';
import { SEED_ACCOUNTS } from '../src/seed/customers';
import { insertDocIfAbsent } from '../src/platform/sync/docs';
import type { JsonObject } from '../src/platform/json';
import { insertExtraUsers } from '../src/test/extraUsers';
import { newLead } from '../src/test/fixtures';

export interface BenchRep {
  id: string;
  username: string;
  accountId: string;
}

const LEADS_PER_REP = 3;

export function benchReps(count: number): BenchRep[] {
  return Array.from({ length: count }, (_, index) => {
    const n = String(index + 1).padStart(3, '0');
    return { id: `user-bench-${n}`, username: `bench-rep-${n}`, accountId: `acct-bench-${n}` };
  });
}

export async function seedBenchReps(db: Db, reps: readonly BenchRep[]): Promise<void> {
  await insertExtraUsers(
    db,
    reps.map((rep) => ({
      id: rep.id,
      username: rep.username,
      displayName: `Bench ${rep.username}`,
      role: 'rep',
      managerId: 'user-morgan',
    })),
  );
  const template = SEED_ACCOUNTS.find((account) => account.id === 'acct-harbor-logistics');
  if (!template) throw new Error('the demo seed has no Harbor Logistics account to copy');
  await db.transaction(async (tx) => {
    await takeWriteLock(tx);
    for (const rep of reps) {
      const account = { ...template, id: rep.accountId, owner: rep.id, name: `${template.name} (${rep.username})` };
      await insertDocIfAbsent(tx, {
        collection: 'accounts',
        id: rep.accountId,
        owner: rep.id,
        deleted: false,
        data: account as unknown as JsonObject,
      });
      for (let lead = 0; lead < LEADS_PER_REP; lead += 1) {
        // Stored as a synced master: not pending, and `_deleted` lives in its own column.
        const doc: JsonObject = { ...newLead(rep.id, { id: randomUUID() }), syncPending: false };
        delete doc._deleted;
        await insertDocIfAbsent(tx, { collection: 'leads', id: String(doc.id), owner: rep.id, deleted: false, data: doc });
      }
    }
  });
}
