import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../test/harness';
import { prepareDatabase, type TestDatabase } from '../../test/database';
import type { Db } from './db';
import { claimLease, releaseLease } from './lease';

describe.each(ENGINES)('singleton leases on $name', (engine) => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await prepareDatabase(engine);
    db = await database.open();
  });
  afterAll(async () => {
    await db?.close();
    await database?.dispose();
  });

  it('gives a lease to one holder until it lapses or is released, then to the next who asks', async () => {
    expect(await claimLease(db, 'job', 'a', 300)).toBe(true);
    expect(await claimLease(db, 'job', 'b', 300)).toBe(false);
    // Renewal by the holder keeps it.
    expect(await claimLease(db, 'job', 'a', 300)).toBe(true);
    expect(await claimLease(db, 'other-job', 'b', 300)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await claimLease(db, 'job', 'b', 60_000)).toBe(true);
    expect(await claimLease(db, 'job', 'a', 300)).toBe(false);
    // Only the holder's release frees it.
    await releaseLease(db, 'job', 'a');
    expect(await claimLease(db, 'job', 'a', 300)).toBe(false);
    await releaseLease(db, 'job', 'b');
    expect(await claimLease(db, 'job', 'a', 300)).toBe(true);
  });
});
