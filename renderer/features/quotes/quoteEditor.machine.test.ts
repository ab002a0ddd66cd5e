import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { CATALOG, FIBRE, ROUTER } from '../../../shared/pricing/catalog.fixture';
import type { AccountDoc, OfferingDoc, OrderDoc, QuoteDoc } from '../../../shared/schemas';
import { makeAccount, makeQuote } from '../../../shared/testing/docs.fixture';
import { ownerOf, type Actor } from '../../../shared/machines/send';
import { priceItems } from '../../../shared/pricing/engine';
import { needsReprice, orderFor, quoteEditorMachine } from './quoteEditor.machine';

const catalog: readonly OfferingDoc[] = CATALOG;
const offering = FIBRE;

/** The local store as the editor sees it: writes land in order, one at a time, and can be held or refused. */
function start(quote: QuoteDoc, account: AccountDoc | null = makeAccount(), who: Actor = ownerOf(quote)) {
  const store = {
    quote,
    writes: [] as QuoteDoc[],
    orders: [] as OrderDoc[],
    opened: [] as string[],
    failWith: null as string | null,
    inFlight: 0,
    maxInFlight: 0,
    gates: [] as (() => void)[],
    hold: false,
  };
  const machine = quoteEditorMachine.provide({
    actors: {
      storeQuote: fromPromise<void, { quote: QuoteDoc | null }>(async ({ input }) => {
        store.inFlight++;
        store.maxInFlight = Math.max(store.maxInFlight, store.inFlight);
        if (store.hold) await new Promise<void>((resolve) => store.gates.push(resolve));
        store.inFlight--;
        if (store.failWith) throw new Error(store.failWith);
        if (input.quote) {
          store.writes.push(input.quote);
          store.quote = input.quote;
        }
      }),
      createOrder: fromPromise<OrderDoc, { quote: QuoteDoc; account: AccountDoc }>(async ({ input }) => {
        if (store.failWith) throw new Error(store.failWith);
        const order = orderFor(input.quote, input.account);
        store.orders.push(order);
        return order;
      }),
    },
    actions: { openOrder: (_, { orderId }) => void store.opened.push(orderId) },
  });
  const actor = createActor(machine, { input: { quote, catalog, account, actor: who } }).start();
  const idle = () => waitFor(actor, (s) => s.matches('ready'));
  const can = () => {
    const s = actor.getSnapshot();
    return {
      submit: s.can({ type: 'editor.submit' }),
      accept: s.can({ type: 'editor.accept' }),
      createOrder: s.can({ type: 'editor.createOrder' }),
    };
  };
  const decide = () => {
    const s = actor.getSnapshot();
    return { approve: s.can({ type: 'editor.approve' }), rework: s.can({ type: 'editor.rework' }) };
  };
  return { actor, store, idle, can, decide };
}

const empty = makeQuote({ status: 'inProgress', items: [], totals: { oneTime: 0, recurring: 0, currency: 'USD' } });

describe('quote editor machine', () => {
  it('an empty quote cannot be submitted; adding a line stores it priced and allows submitting', async () => {
    const { actor, store, idle, can } = start(empty);
    expect(can().submit).toBe(false);
    actor.send({ type: 'lines.add', offering, lineId: 'line-a' });
    await idle();
    expect(store.writes).toHaveLength(1);
    expect(store.writes[0]!.items).toHaveLength(1);
    expect(store.writes[0]!.totals.oneTime + store.writes[0]!.totals.recurring).toBeGreaterThan(0);
    actor.send({ type: 'quote.stored', quote: store.quote });
    expect(can()).toEqual({ submit: true, accept: false, createOrder: false });
  });

  it('keeps Submit closed while a line breaks a catalog rule, and opens it once a proposed line fixes it', async () => {
    const { actor, store, idle, can } = start(empty);
    const routerNeedsFibre: OfferingDoc = {
      ...ROUTER,
      relationships: [{ kind: 'requires', role: 'a fibre line', offerings: [{ id: FIBRE.id, name: FIBRE.name }] }],
    };
    actor.send({ type: 'catalog.loaded', catalog: [FIBRE, routerNeedsFibre] });
    actor.send({ type: 'lines.add', offering: routerNeedsFibre, lineId: 'line-r' });
    await idle();
    actor.send({ type: 'quote.stored', quote: store.quote });
    // The line is stored (work in progress may break rules) but cannot be put forward.
    expect(store.writes.at(-1)?.items.map((i) => i.offeringId)).toEqual([ROUTER.id]);
    expect(can().submit).toBe(false);
    actor.send({ type: 'lines.propose', items: [{ id: 'line-f', offeringId: FIBRE.id, quantity: 1, characteristics: [] }] });
    await idle();
    actor.send({ type: 'quote.stored', quote: store.quote });
    expect(store.writes.at(-1)?.items.map((i) => i.offeringId)).toEqual([ROUTER.id, FIBRE.id]);
    expect(can().submit).toBe(true);
  });

  it('stores quick successive edits one write at a time, the lines as on screen last', async () => {
    const { actor, store, idle } = start(empty);
    store.hold = true;
    actor.send({ type: 'lines.add', offering, lineId: 'line-a' });
    actor.send({ type: 'lines.quantity', lineId: 'line-a', quantity: 2 });
    actor.send({ type: 'lines.quantity', lineId: 'line-a', quantity: 3 });
    store.hold = false;
    for (const release of store.gates.splice(0)) release();
    await idle();
    expect(store.maxInFlight).toBe(1);
    // The first write was on its way; the two edits made meanwhile go up as one, the latest.
    expect(store.writes.map((q) => q.items[0]?.quantity)).toEqual([1, 3]);
    expect(actor.getSnapshot().context.items[0]?.quantity).toBe(3);
  });

  it('stores the site a line is delivered to, priced as before, and takes it off again', async () => {
    const { actor, store, idle } = start(empty);
    actor.send({ type: 'lines.add', offering, lineId: 'line-a' });
    await idle();
    const priced = store.quote.items[0];
    actor.send({ type: 'lines.site', lineId: 'line-a', siteId: 'site-hq' });
    await idle();
    expect(store.quote.items[0]).toEqual({ ...priced, siteId: 'site-hq' });
    actor.send({ type: 'lines.site', lineId: 'line-a', siteId: '' });
    await idle();
    expect(store.quote.items[0]).toEqual(priced);
  });

  it('submits, then offers Accept once approved, and closes the lines', async () => {
    const { actor, store, idle, can } = start(empty);
    actor.send({ type: 'lines.add', offering, lineId: 'line-a' });
    await idle();
    actor.send({ type: 'quote.stored', quote: store.quote });
    actor.send({ type: 'editor.submit' });
    expect(can().submit).toBe(false); // busy while the status change is stored
    await idle();
    expect(store.quote.status).toBe('approved'); // within the rep's authority
    expect(can()).toEqual({ submit: false, accept: true, createOrder: false });
    actor.send({ type: 'lines.remove', lineId: 'line-a' });
    expect(actor.getSnapshot().context.items).toHaveLength(1); // lines are closed now
    actor.send({ type: 'editor.accept' });
    await idle();
    expect(store.quote).toMatchObject({ status: 'accepted' });
    expect(store.quote.acceptedAt).toBeDefined();
    expect(can()).toEqual({ submit: false, accept: false, createOrder: true });
  });

  it('submits what is on screen when Submit is pressed while a line edit is being stored', async () => {
    const { actor, store, idle } = start(empty);
    actor.send({ type: 'lines.add', offering, lineId: 'line-a' });
    await idle();
    store.hold = true;
    actor.send({ type: 'lines.quantity', lineId: 'line-a', quantity: 4 });
    actor.send({ type: 'editor.submit' });
    store.hold = false;
    for (const release of store.gates.splice(0)) release();
    await idle();
    expect(store.quote).toMatchObject({ status: 'approved' });
    expect(store.quote.items[0]?.quantity).toBe(4);
  });

  it('says the quote could not be saved when the store refuses, and keeps the lines on screen', async () => {
    const { actor, store, idle } = start(empty);
    store.failWith = 'QuotaExceededError';
    actor.send({ type: 'lines.add', offering, lineId: 'line-a' });
    await idle();
    expect(actor.getSnapshot().context.error).toBe('The quote could not be saved: QuotaExceededError');
    expect(actor.getSnapshot().context.items).toHaveLength(1);
  });

  it('creates the order of an accepted quote once and opens it; not without the account', async () => {
    const accepted = makeQuote({ status: 'accepted', acceptedAt: '2024-05-02T10:00:00.000Z' });
    const { actor, store, idle, can } = start(accepted);
    expect(can().createOrder).toBe(true);
    actor.send({ type: 'editor.createOrder' });
    expect(can().createOrder).toBe(false);
    await idle();
    expect(store.orders).toHaveLength(1);
    expect(store.opened).toEqual([store.orders[0]!.id]);

    const { can: noAccount } = start(accepted, null);
    expect(noAccount().createOrder).toBe(false);
  });

  it('names why an order could not be created', async () => {
    const accepted = makeQuote({ status: 'accepted' });
    const { actor, store, idle } = start(accepted);
    store.failWith = 'the store is closed';
    actor.send({ type: 'editor.createOrder' });
    await idle();
    expect(actor.getSnapshot().context.error).toBe('The order could not be created: the store is closed');
    expect(store.opened).toEqual([]);
  });

  it('lets a manager of the owner approve or send back a pending quote, and never the owner', async () => {
    const pending = makeQuote({ status: 'pending', owner: 'rep-1' });
    const manager: Actor = { kind: 'user', id: 'boss', role: 'manager', manages: (owner) => owner === 'rep-1' };
    const own = start(pending);
    expect(own.decide()).toEqual({ approve: false, rework: false });
    own.actor.send({ type: 'editor.approve' });
    await own.idle();
    expect(own.store.writes).toEqual([]);

    const approving = start(pending, makeAccount(), manager);
    expect(approving.decide()).toEqual({ approve: true, rework: true });
    expect(approving.can().submit).toBe(false);
    approving.actor.send({ type: 'lines.add', offering, lineId: 'l-x' });
    approving.actor.send({ type: 'editor.approve' });
    await approving.idle();
    expect(approving.store.writes.map((q) => q.status)).toEqual(['approved']);
    expect(approving.store.writes[0]?.items).toEqual(pending.items);

    const sendingBack = start(pending, makeAccount(), manager);
    sendingBack.actor.send({ type: 'editor.rework' });
    await sendingBack.idle();
    expect(sendingBack.store.writes.map((q) => q.status)).toEqual(['inProgress']);
  });
});

describe('quote editor: versions', () => {
  it('offers no accept and no line edits on a version a later one supersedes, and both again once told it is the latest', async () => {
    const approved = makeQuote({ status: 'approved' });
    const machine = quoteEditorMachine.provide({
      actors: { storeQuote: fromPromise<void, { quote: QuoteDoc | null }>(async () => undefined) },
    });
    const editor = createActor(machine, {
      input: { quote: approved, catalog, account: makeAccount(), actor: ownerOf(approved), versions: { laterVersion: 2 } },
    }).start();
    expect(editor.getSnapshot().can({ type: 'editor.accept' })).toBe(false);
    editor.send({ type: 'versions.loaded', versions: {} });
    expect(editor.getSnapshot().can({ type: 'editor.accept' })).toBe(true);

    const draft = makeQuote();
    const drafting = createActor(machine, {
      input: { quote: draft, catalog, account: makeAccount(), actor: ownerOf(draft), versions: { laterVersion: 3 } },
    }).start();
    expect(drafting.getSnapshot().can({ type: 'lines.add', offering, lineId: 'l-2' })).toBe(false);
    expect(drafting.getSnapshot().can({ type: 'editor.submit' })).toBe(true); // submitting an older draft is the rep's choice; accepting it is not
  });
});

describe('quote editor machine: a newer catalog and discounts', () => {
  const line = { id: 'line-a', offeringId: FIBRE.id, quantity: 2, characteristics: [{ name: 'bandwidth', value: '1 Gbps' }] };
  const priced = (offerings: readonly OfferingDoc[]) => priceItems([line], offerings);
  const raised: OfferingDoc[] = CATALOG.map((o) =>
    o.id === FIBRE.id
      ? {
          ...o,
          catalogVersion: '2024.06',
          prices: o.prices.map((p) => (p.priceType === 'recurring' ? { ...p, amount: p.amount + 100 } : p)),
        }
      : o,
  );
  const onOld = () => makeQuote({ status: 'inProgress', ...priced(CATALOG), catalogVersion: '2024.05' });

  it('keeps the old prices, refuses edits and submission until the rep reprices; Reprice stores the new prices and version', async () => {
    const { actor, store, idle, can } = start(onOld());
    actor.send({ type: 'catalog.loaded', catalog: raised });
    expect(needsReprice({ quote: store.quote, catalog: raised })).toBe(true);
    expect(can().submit).toBe(false);
    actor.send({ type: 'lines.quantity', lineId: 'line-a', quantity: 3 });
    expect(store.writes).toEqual([]);
    actor.send({ type: 'editor.reprice' });
    await idle();
    expect(store.writes).toHaveLength(1);
    expect(store.quote).toMatchObject({ catalogVersion: '2024.06', totals: priced(raised).totals, items: priced(raised).items });
    actor.send({ type: 'quote.stored', quote: store.quote });
    expect(can().submit).toBe(true);
  });

  it('an accepted quote on old prices makes no order until it is revised', async () => {
    const accepted = { ...onOld(), status: 'accepted' as const };
    const { actor, can } = start(accepted);
    expect(can().createOrder).toBe(true);
    actor.send({ type: 'catalog.loaded', catalog: raised });
    expect(can().createOrder).toBe(false);
  });

  it('stores a discount with the lines; a 20 % discount makes the submission wait for the manager', async () => {
    const { actor, store, idle } = start(onOld());
    actor.send({ type: 'discounts.set', discount: { appliesTo: 'recurring', kind: 'percent', value: 20 } });
    await idle();
    expect(store.quote.discounts).toEqual([{ appliesTo: 'recurring', kind: 'percent', value: 20 }]);
    actor.send({ type: 'quote.stored', quote: store.quote });
    actor.send({ type: 'editor.submit' });
    await idle();
    expect(store.quote.status).toBe('pending');
  });
});
