import { map, switchMap, type Observable } from 'rxjs';
import type { KeptQualification } from '../../../../shared/serviceability/siteQualification';
import type { OutpostDatabase } from '../../../data/database';
import { createFieldCipher } from '../../../data/fieldCipher';

/**
 * The serviceability answers kept on this laptop, by address (addressKey): one local document of
 * the rep's own store, never synced (the answer is the central system's, asked again when online).
 * Addresses are personal data, so the map is sealed with the store's key like the schemas' encrypted fields.
 */
const DOC_ID = 'siteQualifications';

interface Stored {
  sealed: string;
}

export type KeptByAddress = Record<string, KeptQualification>;

function cipher(db: OutpostDatabase) {
  const password: unknown = db.password;
  if (typeof password !== 'string' || password === '') throw new Error('The local store has no encryption key; sign in again');
  return createFieldCipher(password, ['sealed']);
}

function isKept(value: unknown): value is KeptQualification {
  if (typeof value !== 'object' || value === null) return false;
  const current = (value as { current?: { checkedAt?: unknown; available?: unknown } }).current;
  return (
    typeof current?.checkedAt === 'string' && Array.isArray(current.available) && Array.isArray((value as { changes?: unknown }).changes)
  );
}

async function open(db: OutpostDatabase, sealed: string | undefined): Promise<KeptByAddress> {
  if (sealed === undefined) return {};
  const opened = (await cipher(db).decrypt<Record<string, unknown>>({ sealed })).sealed;
  if (typeof opened !== 'object' || opened === null) return {};
  return Object.fromEntries(Object.entries(opened).filter((entry): entry is [string, KeptQualification] => isKept(entry[1])));
}

/** The kept answers, current as they are written. */
export function keptQualifications$(db: OutpostDatabase): Observable<KeptByAddress> {
  return db.getLocal$<Stored>(DOC_ID).pipe(
    map((doc) => doc?.get('sealed') as string | undefined),
    switchMap((sealed) => open(db, sealed)),
  );
}

// One write at a time: two checks answered together must not drop each other's answers.
let writing: Promise<unknown> = Promise.resolve();

/** Keeps answers: `change` gets the kept map and returns the entries to replace. */
export function keepQualifications(db: OutpostDatabase, change: (kept: KeptByAddress) => KeptByAddress): Promise<void> {
  const next = writing.then(async () => {
    if (db.closed) return;
    const current = await open(db, (await db.getLocal<Stored>(DOC_ID))?.get('sealed') as string | undefined);
    const sealed = await cipher(db).encrypt<Record<string, unknown>>({ sealed: { ...current, ...change(current) } });
    await db.upsertLocal<Stored>(DOC_ID, { sealed: String(sealed['sealed']) });
  });
  writing = next.catch(() => undefined);
  return next;
}
