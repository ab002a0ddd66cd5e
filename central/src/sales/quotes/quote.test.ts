import { REP_MONTHLY_AUTHORITY } from '../../../../shared/machines/quote.machine';
import { describe, expect, it } from 'vitest';
import { centralSuite, ENGINES } from '../../test/harness';
import { expectApiError, listPage, type Api, type Json } from '../../test/client';
import { asMaster } from '../../test/fixtures';
import { newQuote, QUOTE } from '../../test/salesFixtures';

async function list(client: Api, query = ''): Promise<{ quotes: Json[]; total: number; count: number }> {
  const page = await listPage(client, QUOTE, query);
  return { quotes: page.items, total: page.total, count: page.count };
}

describe.each(ENGINES)('TMF648 Quote on $name', (engine) => {
  const { tmf, alex, sam, morgan } = centralSuite(engine);

  it('shows a quote a rep pushed as a TMF648 Quote to that rep, the manager and the integration client only', async () => {
    const quote = newQuote('user-alex');
    expect(await alex.push('quotes', [{ newDocumentState: quote }])).toEqual([]);
    const href = `${QUOTE}/${quote.id}`;
    const response = await alex.get(href);
    expect(response.status).toBe(200);
    const tmfQuote = (await response.json()) as Json;
    expect(tmfQuote).toEqual({
      id: quote.id,
      href,
      version: '1',
      state: 'inProgress',
      quoteDate: quote.createdAt,
      description: 'Quote version 1 for Harbor Logistics Inc., priced with catalog 2026.11',
      quoteItem: [
        {
          id: 'qli-1',
          action: 'add',
          quantity: 1,
          productOffering: {
            id: 'off-fibre-internet',
            name: 'Business Fibre Internet',
            href: '/tmf-api/productCatalogManagement/v4/productOffering/off-fibre-internet',
          },
          product: {
            name: 'Business Fibre Internet',
            productCharacteristic: [
              { name: 'Bandwidth', valueType: 'string', value: '500 Mbps' },
              { name: 'Contract term', valueType: 'string', value: '24 months' },
            ],
          },
          quoteItemPrice: [
            { name: 'One-time charge', priceType: 'oneTime', price: { dutyFreeAmount: { unit: 'USD', value: 199 } } },
            {
              name: 'Monthly charge',
              priceType: 'recurring',
              recurringChargePeriod: 'month',
              price: { dutyFreeAmount: { unit: 'USD', value: 134.1 } },
            },
          ],
        },
        expect.objectContaining({
          id: 'qli-2',
          action: 'add',
          quantity: 5,
          productOffering: expect.objectContaining({ id: 'off-mobile-business' }),
        }),
      ],
      quoteTotalPrice: [
        { name: 'One-time charge', priceType: 'oneTime', price: { dutyFreeAmount: { unit: 'USD', value: 249 } } },
        {
          name: 'Monthly charge',
          priceType: 'recurring',
          recurringChargePeriod: 'month',
          price: { dutyFreeAmount: { unit: 'USD', value: 329.1 } },
        },
      ],
      relatedParty: [
        { id: 'acct-harbor-logistics', name: 'Harbor Logistics Inc.', role: 'customer', '@referredType': 'Organization' },
        { id: 'user-alex', name: 'Alex Rivera', role: 'salesRep', '@referredType': 'Individual' },
      ],
      '@type': 'Quote',
    });
    for (const reader of [morgan, tmf]) expect(await (await reader.get(href)).json()).toEqual(tmfQuote);
    expect((await expectApiError(await sam.get(href), 404)).reason).toContain(quote.id);
    expect((await list(sam)).quotes.map((q) => q.id)).not.toContain(quote.id);
    expect((await list(alex)).quotes.map((q) => q.id)).toContain(quote.id);
    await expectApiError(await tmf.get(`${QUOTE}/no-such-quote`), 404);
  });

  it("follows the rep's quote through its lifecycle, keeps an accepted quote the rep tries to delete, and forgets a deleted draft", async () => {
    const quote = newQuote('user-alex', { status: 'approved' });
    expect(await alex.push('quotes', [{ newDocumentState: quote }])).toEqual([]);
    const [master] = (await alex.pull('quotes')).documents.filter((doc) => doc.id === quote.id);
    const accepted = { ...(master as Json), status: 'accepted', acceptedAt: '2026-11-22T15:00:00.000Z' };
    expect(await alex.push('quotes', [{ newDocumentState: accepted, assumedMasterState: asMaster(master) }])).toEqual([]);
    const tmfQuote = (await (await tmf.get(`${QUOTE}/${quote.id}`)).json()) as Json;
    expect(tmfQuote).toMatchObject({ state: 'accepted', effectiveQuoteCompletionDate: '2026-11-22T15:00:00.000Z' });

    // Accepted is final for its content: the gate refuses the deletion with the reason, the quote stays.
    const [stored] = (await alex.pull('quotes')).documents.filter((doc) => doc.id === quote.id);
    const refused = await alex.push('quotes', [
      { newDocumentState: { ...(stored as Json), _deleted: true }, assumedMasterState: asMaster(stored) },
    ]);
    expect(refused).toHaveLength(1);
    expect(String((refused[0]?.syncError as Json | undefined)?.reason)).toContain(`Quote ${quote.id} is accepted, so it cannot be deleted`);
    expect((await tmf.get(`${QUOTE}/${quote.id}`)).status).toBe(200);

    // A draft (in progress) is the rep's to discard.
    const draft = newQuote('user-alex');
    expect(await alex.push('quotes', [{ newDocumentState: draft }])).toEqual([]);
    const [draftMaster] = (await alex.pull('quotes')).documents.filter((doc) => doc.id === draft.id);
    expect(
      await alex.push('quotes', [
        { newDocumentState: { ...(draftMaster as Json), _deleted: true }, assumedMasterState: asMaster(draftMaster) },
      ]),
    ).toEqual([]);
    await expectApiError(await tmf.get(`${QUOTE}/${draft.id}`), 404);
  });

  it('lists quotes with the TMF630 conventions', async () => {
    // Pending needs a monthly total above the rep's authority (a smaller one is approved on submission).
    const large = { oneTime: 24900, recurring: REP_MONTHLY_AUTHORITY + 100, currency: 'USD' };
    const samQuote = newQuote('user-sam', { accountId: 'acct-bluepeak-outfitters', status: 'pending', version: 2, totals: large });
    const before = (await list(tmf)).total;
    expect(await sam.push('quotes', [{ newDocumentState: samQuote }])).toEqual([]);
    const all = await list(tmf);
    expect(all).toMatchObject({ total: before + 1, count: before + 1 });
    expect((await list(morgan)).total).toBe(before + 1);
    expect((await list(sam)).quotes.map((q) => q.id)).toEqual([samQuote.id]);
    const pending = await list(tmf, '?state=pending&fields=state,version,relatedParty');
    expect(pending.quotes).toEqual([
      {
        id: samQuote.id,
        href: `${QUOTE}/${samQuote.id}`,
        state: 'pending',
        version: '2',
        relatedParty: [
          { id: 'acct-bluepeak-outfitters', name: 'Bluepeak Outfitters', role: 'customer', '@referredType': 'Organization' },
          { id: 'user-sam', name: 'Sam Patel', role: 'salesRep', '@referredType': 'Individual' },
        ],
      },
    ]);
    const second = await list(tmf, '?offset=1&limit=1');
    expect(second).toMatchObject({ total: before + 1, count: 1 });
    expect(second.quotes[0]?.id).toBe(all.quotes[1]?.id);
    expect((await list(tmf, '?state=cancelled')).total).toBe(0);
    await expectApiError(await tmf.get(`${QUOTE}?offset=-1`), 400);
  });
});
