/**
 * The manager path through the app's own modules and a real central system: a rep submits a
 * quote above their approval authority (it waits in pending), their manager approves it on a
 * laptop that is offline at the time, and once it syncs the rep's laptop shows it approved.
 */
import { describe, expect, it } from 'vitest';
import { insertDocument, saveDocument } from '../../renderer/data/writes';
import { approveQuote, canQuote, submitQuote } from '../../renderer/features/quotes/quoteActions';
import { actorOf } from '../../renderer/features/session/actor';
import { newId } from '../../shared/ids';
import { REP_MONTHLY_AUTHORITY } from '../../shared/machines/quote.machine';
import { defaultCharacteristics, priceItems } from '../../shared/pricing/engine';
import type { QuoteDoc } from '../../shared/schemas';
import { centralBehindProxy } from './centralBehindProxy';
import { waitFor, waitForStatus, type RepLaptop } from './syncHarness';

const setup = centralBehindProxy();

async function laptop(username: string, disk?: RepLaptop['disk']): Promise<RepLaptop> {
  const rep = await setup.laptop(username, { disk });
  await rep.sync.awaitInitialSync();
  return rep;
}

/** A quote for one of the rep's accounts whose monthly total is above the rep's authority. */
async function largeQuote(rep: RepLaptop): Promise<QuoteDoc> {
  const account = (await rep.db.accounts.find().exec())[0]?.toMutableJSON();
  const catalog = (await rep.db.offerings.find().exec()).map((d) => d.toMutableJSON());
  const offering = catalog.find(
    (o) => o.lifecycleStatus === 'Launched' && !o.isBundle && o.prices.some((p) => p.priceType === 'recurring'),
  );
  if (!account || !offering) throw new Error('the first sync brought no account or no offering');
  const line = (quantity: number) => [{ id: '01', offeringId: offering.id, quantity, characteristics: defaultCharacteristics(offering) }];
  const unit = priceItems(line(1), catalog).totals.recurring;
  const priced = priceItems(line(Math.ceil((REP_MONTHLY_AUTHORITY + 1) / unit)), catalog);
  const now = new Date().toISOString();
  return {
    id: newId(),
    owner: rep.user.id,
    createdAt: now,
    updatedAt: now,
    syncPending: true,
    opportunityId: newId(),
    accountId: account.id,
    version: 1,
    status: 'inProgress',
    items: priced.items,
    totals: priced.totals,
    catalogVersion: offering.catalogVersion,
  };
}

const quoteOn = (rep: RepLaptop, id: string) => async () => (await rep.db.quotes.findOne(id).exec())?.toMutableJSON();

describe("a quote above the rep's authority, decided by their manager", () => {
  it('rep submits -> pending; manager approves offline; once synced the rep sees it approved', async () => {
    const alex = await laptop('alex');
    const draft = await largeQuote(alex);
    await insertDocument(alex.db, 'quotes', draft);
    const submitted = submitQuote(draft, actorOf(alex.user));
    expect(submitted.status).toBe('pending');
    // The rep cannot approve it themselves: the machine's role rules say so on the laptop already.
    expect(canQuote(submitted, { type: 'quote.approve' }, actorOf(alex.user))).toBe(false);
    await saveDocument(alex.db, 'quotes', submitted);
    await waitForStatus(alex.sync, 'the submitted quote pushed', (s) => s.online && s.pending === 0);
    const alexDisk = alex.disk;
    await setup.closeLast();

    const morgan = await laptop('morgan');
    const seen = await waitFor("the rep's pending quote on the manager's laptop", async () => {
      const quote = await quoteOn(morgan, draft.id)();
      return quote?.status === 'pending' ? quote : undefined;
    });
    expect(seen.owner).toBe(alex.user.id);
    expect(canQuote(seen, { type: 'quote.approve' }, actorOf(morgan.user))).toBe(true);
    setup.proxy.setDown(true);
    await waitForStatus(morgan.sync, 'offline', (s) => !s.online);
    await saveDocument(morgan.db, 'quotes', approveQuote(seen, actorOf(morgan.user)));
    await waitForStatus(morgan.sync, 'offline with the approval waiting', (s) => !s.online && s.pending === 1);
    setup.proxy.setDown(false);
    await waitForStatus(morgan.sync, 'the approval pushed', (s) => s.online && s.pending === 0, 30_000);
    const afterPush = await quoteOn(morgan, draft.id)();
    expect(afterPush).toMatchObject({ status: 'approved', owner: alex.user.id });
    expect(afterPush?.syncError).toBeUndefined();
    await setup.closeLast();

    const alexAgain = await laptop('alex', alexDisk);
    const approved = await waitFor("the approval on the rep's laptop", async () => {
      const quote = await quoteOn(alexAgain, draft.id)();
      return quote?.status === 'approved' ? quote : undefined;
    });
    expect(approved.owner).toBe(alex.user.id);
    expect(canQuote(approved, { type: 'quote.accept' }, actorOf(alexAgain.user))).toBe(true);
  });
});
