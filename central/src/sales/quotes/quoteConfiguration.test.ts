/**
 * The catalog's configuration rules enforced again by the central system, through the real sync
 * push: a quote put forward (submitted) with a broken rule is refused naming the rule and line, a
 * quote in progress may break rules while the rep works on it, and a queued order with a broken
 * rule is rejected by the consistency check with the rule named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LineItem } from '../../../../shared/schemas/lineItem';
import { api, signIn, type Api, type Json } from '../../test/client';
import { newOrder } from '../../test/fixtures';
import { ENGINES, startCentral, type TestCentral } from '../../test/harness';
import { newQuote } from '../../test/salesFixtures';

const STATIC_IP: LineItem = {
  id: 'ip-1',
  offeringId: 'off-static-ip',
  offeringName: 'Static IP Block',
  quantity: 1,
  characteristics: [{ name: 'Block', value: '/29 (5 usable)' }],
  oneTime: 0,
  recurring: 1500,
};
const FIBRE: LineItem = {
  id: 'fibre-1',
  offeringId: 'off-fibre-internet',
  offeringName: 'Business Fibre Internet',
  quantity: 1,
  characteristics: [
    { name: 'Bandwidth', value: '100 Mbps' },
    { name: 'Contract term', value: '12 months' },
  ],
  oneTime: 19900,
  recurring: 7900,
};
const totals = (items: LineItem[]) => ({
  oneTime: items.reduce((sum, i) => sum + i.oneTime, 0),
  recurring: items.reduce((sum, i) => sum + i.recurring, 0),
  currency: 'USD',
});
const RULE = 'line 1 (Static IP Block): Static IP Block requires a fibre access line at the same site: add Business Fibre Internet';

describe.each(ENGINES)('configuration rules on quote push and order ingest on $name', (engine) => {
  let central: TestCentral;
  let alex: Api;
  beforeAll(async () => {
    central = await startCentral(engine);
    alex = api(central.url, await signIn(central.url, 'alex'));
  });
  afterAll(() => central?.close());

  const stored = async (collection: string, id: string) =>
    (await alex.pull(collection, 0, 2000)).documents.find((doc) => doc.id === id) as Json | undefined;

  it('refuses a submitted quote that breaks a rule, naming it; stores it in progress; accepts it once fixed', async () => {
    const broken = newQuote('user-alex', { items: [STATIC_IP], totals: totals([STATIC_IP]) });
    // Submitted within the rep's authority, a quote is approved at once. While the rep configures, the quote may break rules: it is stored.
    expect(await alex.push('quotes', [{ newDocumentState: broken }])).toEqual([]);
    const master = (await stored('quotes', broken.id)) as Json;

    const [refused] = await alex.push('quotes', [{ newDocumentState: { ...broken, status: 'approved' }, assumedMasterState: master }]);
    const reason = (refused?.syncError as Json | undefined)?.reason;
    expect(reason).toBe(
      `Quote v1 breaks the catalog's configuration rules: ${RULE}. Revise the quote, fix the lines and submit the new version`,
    );
    expect((await stored('quotes', broken.id))?.status).toBe('inProgress');

    const fixed = { ...broken, status: 'approved' as const, items: [STATIC_IP, FIBRE], totals: totals([STATIC_IP, FIBRE]) };
    expect(await alex.push('quotes', [{ newDocumentState: fixed, assumedMasterState: master }])).toEqual([]);
    expect((await stored('quotes', broken.id))?.status).toBe('approved');
  });

  it('rejects a queued order whose lines break a rule, with the rule named', async () => {
    const order = newOrder('user-alex', { items: [STATIC_IP], totals: totals([STATIC_IP]) });
    expect(await alex.push('orders', [{ newDocumentState: order }])).toEqual([]);
    const doc = (await stored('orders', order.id)) as Json;
    expect(doc.status).toBe('rejected');
    expect(doc.stateReason).toContain(`The order breaks the catalog's configuration rules: ${RULE}`);
  });
});
