import { TIMELINE_PATH, type TimelineKind, type TimelineResponse } from '../../../shared/audit/timeline';
import type { OutpostDatabase } from '../../data/database';
import { createFieldCipher } from '../../data/fieldCipher';
import type { CentralClient } from '../../sync/centralClient';

interface Stored {
  /** AES-GCM envelope (fieldCipher) of the last TimelineResponse: reasons may name the customer. */
  timeline: string;
}

const cacheId = (kind: TimelineKind, id: string) => `timeline-${kind}-${id}`;

function cipher(db: OutpostDatabase) {
  const password: unknown = db.password;
  if (typeof password !== 'string' || password === '') throw new Error('The local store has no encryption key; sign in again');
  return createFieldCipher(password, ['timeline']);
}

function isTimeline(value: unknown): value is TimelineResponse {
  return typeof value === 'object' && value !== null && Array.isArray((value as { entries?: unknown }).entries);
}

/** The timeline the central system last gave for this record on this laptop, if any. */
export async function cachedTimeline(db: OutpostDatabase, kind: TimelineKind, id: string): Promise<TimelineResponse | undefined> {
  const doc = await db.getLocal<Stored>(cacheId(kind, id));
  const sealed = doc?.get('timeline');
  if (typeof sealed !== 'string') return undefined;
  const { timeline } = await cipher(db).decrypt<Record<string, unknown>>({ timeline: sealed });
  return isTimeline(timeline) ? timeline : undefined;
}

/** Asks the central system for the record's timeline and keeps it for offline use. */
export async function fetchTimeline(db: OutpostDatabase, client: CentralClient, kind: TimelineKind, id: string): Promise<TimelineResponse> {
  const timeline = await client.json<TimelineResponse>(TIMELINE_PATH(kind, id));
  if (!isTimeline(timeline)) throw new Error('The central system answered the timeline in a form this app does not read');
  if (!db.closed) {
    const sealed = await cipher(db).encrypt<Record<string, unknown>>({ timeline });
    await db.upsertLocal<Stored>(cacheId(kind, id), { timeline: String(sealed['timeline']) });
  }
  return timeline;
}
