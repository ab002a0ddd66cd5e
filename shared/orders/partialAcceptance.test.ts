import { describe, expect, it } from 'vitest';
import { makeOrder } from '../testing/docs.fixture';
import { MANAGER, REP } from '../testing/actors';
import { sendOrder } from '../machines/order.machine';
import { partialReason } from './fallout';
import { partialAcceptanceNote, partialAcceptanceRefusal, partialAcceptanceState } from './partialAcceptance';

const reason = partialReason(
  [
    { line: { id: '01', name: 'Business Fibre Internet' }, delivered: true },
    { line: { id: '02', name: 'Mobile Business' }, delivered: false },
    { line: { id: '03', name: 'Static IP' }, delivered: true },
  ],
  'no coverage at the site',
);
const partial = makeOrder({ status: 'partial', tmfOrderId: 'po-1', stateReason: reason });
const at = '2026-01-06T09:00:00.000Z';
const accepted = { ...partial, partialAcceptance: { acceptedAt: at } };

describe('accepting a partial delivery', () => {
  it('notes who accepted which delivered and failed lines, from the stateReason fulfilment wrote', () => {
    expect(partialAcceptanceNote('Alex Rivera', reason)).toBe(
      'Partial delivery accepted by Alex Rivera: lines 01, 03 delivered stay installed; line 02 failed, not delivered',
    );
    expect(partialAcceptanceNote('Alex Rivera', 'Partially completed: some items were delivered, some failed')).toBe(
      'Partial delivery accepted by Alex Rivera: the delivered items stay installed',
    );
  });

  it('says whether the acceptance is open, queued on the laptop or noted by the central system', () => {
    expect(partialAcceptanceState(partial)).toEqual({ kind: 'open' });
    const queued = sendOrder(partial, { type: 'order.acceptPartial', at }, REP);
    expect(queued.ok && partialAcceptanceState(queued.doc)).toEqual({ kind: 'queued', acceptedAt: at });
    expect(partialAcceptanceState({ ...accepted, partialAcceptanceNoted: { by: 'Alex Rivera', at } })).toEqual({
      kind: 'noted',
      by: 'Alex Rivera',
      at,
    });
  });

  it("judges a pushed acceptance as the owner's order.acceptPartial on the stored order; the same push again is fine", () => {
    expect(partialAcceptanceRefusal(partial, accepted, REP)).toBeNull();
    expect(partialAcceptanceRefusal(accepted, accepted, REP)).toBeNull();
    expect(partialAcceptanceRefusal(partial, partial, REP)).toBeNull();
    expect(partialAcceptanceRefusal(partial, accepted, MANAGER)).toContain(
      "'order.acceptPartial' on this order may be sent only by its owner",
    );
    // The push claims partial, but the stored order is still in progress: judged on what is stored.
    expect(partialAcceptanceRefusal({ ...partial, status: 'inProgress' }, accepted, REP)).toBe(
      `Order ${partial.id}: the partial delivery cannot be accepted: 'order.acceptPartial' is not allowed when the order is 'inProgress'; allowed now: order.cancel`,
    );
    expect(partialAcceptanceRefusal(accepted, partial, REP)).toBe(
      `Order ${partial.id}: its partial delivery was accepted at ${at}; an acceptance cannot be changed or taken back`,
    );
    expect(partialAcceptanceRefusal(undefined, accepted, REP)).toContain('accepted only on an order the central system reported partial');
    // Noted centrally (from another laptop) while this one was offline: a second acceptance is no event.
    const noted = { ...partial, partialAcceptanceNoted: { by: 'Alex Rivera', at } };
    expect(partialAcceptanceRefusal(noted, { ...accepted, partialAcceptanceNoted: undefined }, REP)).toContain('is not allowed');
  });
});
