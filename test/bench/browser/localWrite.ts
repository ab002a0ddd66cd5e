/**
 * Bundled into the bench page (B1): the app's own database setup against a bare Dexie
 * bulkPut of the same documents, in the same Chromium.
 */
import Dexie from 'dexie';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { openDatabase } from '../../../renderer/data/database';
import { benchLead } from '../seed';

function leads(count: number) {
  return Array.from({ length: count }, (_, i) => ({ ...benchLead(i), owner: 'user-bench', syncPending: false }));
}

/** 10k leads stored the way a first sync stores them: RxDB replication into the app's database. */
export async function localWrite(count: number, run: number): Promise<number> {
  const docs = leads(count);
  const db = await openDatabase({ userId: `bench-${run}`, storageKey: 'b'.repeat(64) });
  try {
    const started = performance.now();
    const replication = replicateRxCollection<(typeof docs)[number], { at: number }>({
      collection: db.leads as never,
      replicationIdentifier: `bench-${run}`,
      live: false,
      pull: {
        batchSize: 1000,
        handler: async (checkpoint, limit) => {
          const at = checkpoint?.at ?? 0;
          return { documents: docs.slice(at, at + limit), checkpoint: { at: Math.min(docs.length, at + limit) } };
        },
      },
    });
    await replication.awaitInitialReplication();
    const elapsed = performance.now() - started;
    await replication.cancel();
    const stored = await db.leads.count().exec();
    if (stored !== count) throw new Error(`B1 stored ${stored} of ${count} leads`);
    return elapsed;
  } finally {
    await db.remove();
  }
}

async function dexieBaseline(count: number, run: number): Promise<number> {
  const docs = leads(count);
  const db = new Dexie(`bench-dexie-${run}`);
  db.version(1).stores({ leads: 'id' });
  await db.open();
  try {
    const started = performance.now();
    await db.table('leads').bulkPut(docs);
    return performance.now() - started;
  } finally {
    db.close();
    await Dexie.delete(`bench-dexie-${run}`);
  }
}

(globalThis as unknown as { outpostBench: unknown }).outpostBench = { localWrite, dexieBaseline };
