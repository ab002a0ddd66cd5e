import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startCentral, type TestCentral } from '../../test/harness';
import { api, pullAll, signIn, type Api, type Json } from '../../test/client';
import { newLead } from '../../test/fixtures';

interface Page {
  documents: Json[];
  checkpoint: { seq: number };
  remaining: number;
}

describe.each(ENGINES)('first-sync paging on $name', (engine) => {
  let central: TestCentral;
  let alex: Api;
  let sam: Api;
  beforeAll(async () => {
    central = await startCentral(engine);
    [alex, sam] = (await Promise.all(['alex', 'sam'].map(async (user) => api(central.url, await signIn(central.url, user))))) as [Api, Api];
  });
  afterAll(() => central?.close());

  const page = async (client: Api, seq: number, limit: number): Promise<Page> => {
    const response = await client.get(`/sync/leads/pull?seq=${seq}&limit=${limit}`);
    expect(response.status).toBe(200);
    return (await response.json()) as Page;
  };

  it("says how many of the rep's own documents remain after each page, and 0 on the last", async () => {
    const mine = Array.from({ length: 7 }, (_, index) => newLead('user-alex', { company: `Remaining ${index}` }));
    expect(
      await alex.push(
        'leads',
        mine.map((doc) => ({ newDocumentState: doc })),
      ),
    ).toEqual([]);
    // Someone else's leads must not count towards alex's progress.
    expect(await sam.push('leads', [{ newDocumentState: newLead('user-sam', { company: 'Not alex' }) }])).toEqual([]);
    const total = (await pullAll(alex, 'leads')).documents.length;

    let seq = 0;
    let fetched = 0;
    for (;;) {
      const next = await page(alex, seq, 3);
      fetched += next.documents.length;
      expect(next.remaining).toBe(total - fetched);
      if (next.documents.length < 3) break;
      seq = next.checkpoint.seq;
    }
    expect(fetched).toBe(total);
  });

  it('serves pages of up to 2,000 documents', async () => {
    const big = await page(alex, 0, 2000);
    expect(big.remaining).toBe(0);
  });
});
