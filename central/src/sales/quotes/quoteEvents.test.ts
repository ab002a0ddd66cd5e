import { REP_MONTHLY_AUTHORITY } from '../../../../shared/machines/quote.machine';
import { describe, expect, it } from 'vitest';
import { centralSuite, ENGINES } from '../../test/harness';
import { type Api, type Json } from '../../test/client';
import { asMaster } from '../../test/fixtures';
import { eventResource, eventsOf, newQuote, QUOTE } from '../../test/salesFixtures';

const forQuote = (id: unknown) => (event: Json) => eventResource(event, 'quote').id === id;

describe.each(ENGINES)('TMF648 Quote events on $name', (engine) => {
  const { tmf, alex, sam, morgan } = centralSuite(engine);

  it('records QuoteCreateEvent, QuoteStateChangeEvent per new state, QuoteAttributeValueChangeEvent per edit and QuoteDeleteEvent for pushed quotes', async () => {
    // Above the rep's monthly authority, so submitting it waits for the manager.
    const quote = newQuote('user-alex', { totals: { oneTime: 24900, recurring: REP_MONTHLY_AUTHORITY + 100, currency: 'USD' } });
    expect(await alex.push('quotes', [{ newDocumentState: quote }])).toEqual([]);
    const push = async (by: Api, change: Json) => {
      const master = (await by.pull('quotes')).documents.find((doc) => doc.id === quote.id) as Json;
      expect(await by.push('quotes', [{ newDocumentState: { ...master, ...change }, assumedMasterState: asMaster(master) }])).toEqual([]);
    };
    // Edited while in progress (a pending quote's content is the manager's to judge, not the rep's to change).
    await push(alex, { catalogVersion: '2026.12' });
    await push(alex, { status: 'pending' });
    // Only the rep's manager approves it (quoteGate.test.ts: the rep may not).
    await push(morgan, { status: 'approved' });
    // Pushed again unchanged (a retry): nothing to announce.
    await push(alex, {});
    const approved = (await (await tmf.get(`${QUOTE}/${quote.id}`)).json()) as Json;
    // A draft the rep discards (an approved quote cannot be deleted: statusGateEdits.test.ts).
    const draft = newQuote('user-alex');
    expect(await alex.push('quotes', [{ newDocumentState: draft }])).toEqual([]);
    const draftMaster = (await alex.pull('quotes')).documents.find((doc) => doc.id === draft.id) as Json;
    expect(
      await alex.push('quotes', [{ newDocumentState: { ...draftMaster, _deleted: true }, assumedMasterState: asMaster(draftMaster) }]),
    ).toEqual([]);

    const events = (await eventsOf(tmf, 'quoteManagement')).filter(forQuote(quote.id));
    expect(events.map((event) => [event.eventType, eventResource(event, 'quote').state, event.fieldPath])).toEqual([
      ['QuoteCreateEvent', 'inProgress', undefined],
      // The catalog version shows in the description only.
      ['QuoteAttributeValueChangeEvent', 'inProgress', 'description'],
      ['QuoteStateChangeEvent', 'pending', undefined],
      ['QuoteStateChangeEvent', 'approved', undefined],
    ]);
    expect(eventResource(events[3] as Json, 'quote')).toEqual(approved);
    const draftEvents = (await eventsOf(tmf, 'quoteManagement')).filter(forQuote(draft.id));
    expect(draftEvents.map((event) => [event.eventType, eventResource(event, 'quote').state])).toEqual([
      ['QuoteCreateEvent', 'inProgress'],
      ['QuoteDeleteEvent', 'inProgress'],
    ]);
    expect((await eventsOf(morgan, 'quoteManagement')).filter(forQuote(quote.id))).toHaveLength(4);
    expect((await eventsOf(sam, 'quoteManagement')).filter(forQuote(quote.id))).toEqual([]);
  });
});
