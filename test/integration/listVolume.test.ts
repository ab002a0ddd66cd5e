import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListView } from '../../shared/lists/listView';
import type { LeadDoc } from '../../shared/schemas';
import { volumeLead, volumeLeads } from '../support/leadVolume';
import { leadListSpec } from '../../renderer/features/leads/leadList';
import { CollectionCache, FIRST_CHUNK } from '../../renderer/data/collectionCache';
import { openDatabase, type OutpostDatabase } from '../../renderer/data/database';

// The app's real store (RxDB, Dexie, field encryption) over fake-indexeddb. crypto-js field
// encryption costs about 1 ms per field on a loaded CI machine, so the default volume fits CI
// time; OUTPOST_LIST_VOLUME=20000 runs it at tier-M-like volume.
const VOLUME = Number(process.env.OUTPOST_LIST_VOLUME ?? 1_500);
const OWNER = 'rep-volume';

describe(`list query layer over ${VOLUME.toLocaleString('en-US')} stored leads`, () => {
  let db: OutpostDatabase;
  const leads = volumeLeads(VOLUME, OWNER);

  beforeAll(async () => {
    db = await openDatabase({ userId: OWNER, storageKey: 'volume-test-key', dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
    for (let i = 0; i < leads.length; i += 2_000) {
      const result = await db.leads.bulkInsert(leads.slice(i, i + 2_000));
      expect(result.error).toEqual([]);
    }
  }, 300_000);

  afterAll(async () => {
    await db?.close();
  });

  it('shows the newest leads after one small read, then holds every lead once', async () => {
    const cache = new CollectionCache(db.leads).start();
    try {
      const first = await new Promise<readonly LeadDoc[]>((resolve) => {
        const off = cache.subscribe(() => {
          off();
          resolve(cache.getSnapshot().rows);
        });
      });
      expect(cache.getSnapshot().loading).toBe(true);
      expect(first).toHaveLength(FIRST_CHUNK);
      expect(first[0]!.id).toBe(leads[VOLUME - 1]!.id);
      const all = await cache.loaded();
      expect(all.rows).toHaveLength(VOLUME);
      expect(new Set(all.rows.map((r) => r.id)).size).toBe(VOLUME);
    } finally {
      cache.stop();
    }
  }, 120_000);

  it('searches decrypted contact names and emails, filters and sorts to exactly the right rows', async () => {
    const cache = new CollectionCache(db.leads).start();
    try {
      const { rows } = await cache.loaded();
      const view = new ListView(leadListSpec, rows);
      // Contact names are encrypted at rest: the store could not select on them.
      const byContact = view.query({ search: 'dana REYES', filters: {}, sort: null });
      const expected = leads.filter((l) => l.contactName === 'Dana Reyes');
      expect(byContact.map((l) => l.id)).toEqual(expected.map((l) => l.id).reverse());

      const one = leads[1337 % VOLUME]!;
      const byEmail = view.query({ search: one.email!.slice(0, one.email!.indexOf('@') + 1).toUpperCase(), filters: {}, sort: null });
      expect(byEmail.map((l) => l.id)).toEqual([one.id]);

      const filtered = view.query({
        search: 'northwind',
        filters: { status: 'pending', rating: 'C', channel: 'Telesales' },
        sort: { column: 'company', direction: 'asc' },
      });
      const want = leads
        .filter((l) => l.company.startsWith('Northwind') && l.status === 'pending' && l.rating === 'C' && l.channel === 'Telesales')
        .sort((a, b) => (a.company.toLowerCase() < b.company.toLowerCase() ? -1 : 1));
      expect(want.length).toBeGreaterThan(10);
      expect(filtered.map((l) => l.id)).toEqual(want.map((l) => l.id));

      const unrated = view.query({ search: '', filters: {}, sort: { column: 'rating', direction: 'desc' } });
      expect(unrated[0]!.rating).toBe('D');
      expect(unrated.at(-1)!.rating).toBeUndefined();
    } finally {
      cache.stop();
    }
  }, 120_000);

  it('keeps the list current: a lead added, changed or removed while or after loading', async () => {
    const cache = new CollectionCache(db.leads).start();
    try {
      // Written while the chunks are still being read.
      const added = volumeLead(VOLUME + 1, OWNER);
      await db.leads.insert({ ...added, contactName: 'Zora Quill' });
      await cache.loaded();
      const changed = await db.leads.findOne(leads[5]!.id).exec();
      await changed!.incrementalPatch({ contactName: 'Renamed Person' });
      const removed = await db.leads.findOne(leads[6]!.id).exec();
      await removed!.remove();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const view = new ListView(leadListSpec, cache.getSnapshot().rows);
      expect(view.query({ search: 'zora quill', filters: {}, sort: null }).map((l) => l.id)).toEqual([added.id]);
      expect(view.query({ search: 'renamed person', filters: {}, sort: null }).map((l) => l.id)).toEqual([leads[5]!.id]);
      expect(cache.getSnapshot().rows.some((l) => l.id === leads[6]!.id)).toBe(false);
      expect(cache.getSnapshot().rows).toHaveLength(VOLUME);
    } finally {
      cache.stop();
    }
  }, 120_000);
});
