import { decryptString, encryptString } from 'rxdb/plugins/encryption-crypto-js';
import { map, type Observable } from 'rxjs';
import { parseDiscarded, type DiscardedRecord } from '../../../shared/sync/outbox';
import type { OutpostDatabase as OutboxDatabase } from '../../data/database';

/** One local document holds every discarded version, newest first. */
const DISCARDED_DOC = 'outboxDiscarded';

interface Sealed {
  sealed: string;
}

/** The discarded versions hold personal data (names, emails): sealed with the store's key, like the schemas' encrypted fields. */
function keyOf(db: OutboxDatabase): string {
  const password: unknown = db.password;
  if (typeof password !== 'string' || password === '') throw new Error('The local store has no encryption key; sign in again');
  return password;
}

function open(db: OutboxDatabase, sealed: string | undefined): DiscardedRecord[] {
  return sealed ? parseDiscarded(decryptString(sealed, keyOf(db))) : [];
}

export function discarded$(db: OutboxDatabase): Observable<DiscardedRecord[]> {
  return db.getLocal$<Sealed>(DISCARDED_DOC).pipe(map((doc) => open(db, doc?.get('sealed'))));
}

async function update(db: OutboxDatabase, change: (list: DiscardedRecord[]) => DiscardedRecord[]): Promise<void> {
  const current = await db.getLocal<Sealed>(DISCARDED_DOC);
  const next = change(open(db, current?.get('sealed')));
  await db.upsertLocal<Sealed>(DISCARDED_DOC, { sealed: encryptString(JSON.stringify(next), keyOf(db)) });
}

export function keepDiscarded(db: OutboxDatabase, record: DiscardedRecord): Promise<void> {
  return update(db, (list) => [record, ...list]);
}

export function forgetDiscarded(db: OutboxDatabase, record: Pick<DiscardedRecord, 'id' | 'discardedAt'>): Promise<void> {
  return update(db, (list) => list.filter((r) => !(r.id === record.id && r.discardedAt === record.discardedAt)));
}
