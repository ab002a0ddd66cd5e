/**
 * Issue 10 item 6 over HTTP on both engines: the rep accepts a partial delivery by push
 * (order.acceptPartial). The order stays partial (TMF622 final); the ProductOrder gets one note by
 * the rep naming what was delivered and what not, and the rep's document shows it as noted. Only
 * the owner accepts, only a partial order, once.
 */
import { describe, expect, it } from 'vitest';
import { centralSuite, ENGINES } from '../../test/harness';
import type { Api, Json } from '../../test/client';
import { conformingProductOrder, pulledOrder } from '../../test/ordering';
import { asMaster, newOrder } from '../../test/fixtures';
import { partialReason } from '../../../../shared/orders/fallout';

const ACCEPTED = { acceptedAt: '2026-03-02T10:00:00.000Z' };

describe.each(ENGINES)('accepting a partial delivery on $name', (engine) => {
  const suite = centralSuite(engine);
  const { alex, morgan, tmf } = suite;

  const productOrder = (id: unknown) => conformingProductOrder(tmf, id);
  const accept = (client: Api, master: Json, partialAcceptance: Json = ACCEPTED) =>
    client.push('orders', [{ newDocumentState: { ...master, partialAcceptance }, assumedMasterState: asMaster(master) }]);
  const refusalOf = (conflicts: Json[]) => String((conflicts[0]?.syncError as Json | undefined)?.reason);

  const submitted = async () => {
    const order = newOrder('user-alex');
    expect(await alex.push('orders', [{ newDocumentState: order }])).toEqual([]);
    return pulledOrder(alex, order.id);
  };
  const ops = (tmfOrderId: unknown, body: Json) => tmf.post(`/ops/productOrder/${String(tmfOrderId)}/transition`, body);
  const madePartial = async () => {
    const stored = await submitted();
    expect((await ops(stored.tmfOrderId, { event: 'central.start' })).status).toBe(200);
    const reason = partialReason(
      [
        { line: { id: '01', name: 'Business Fibre Internet' }, delivered: true },
        { line: { id: '02', name: 'Mobile Business' }, delivered: false },
      ],
      'the failed lines could not be delivered',
    );
    const answer = await ops(stored.tmfOrderId, { event: 'central.partial', reason, itemOutcomes: { '01': 'completed', '02': 'failed' } });
    expect(answer.status).toBe(200);
    const partial = await pulledOrder(alex, String(stored.id));
    expect(partial).toMatchObject({ status: 'partial' });
    return partial;
  };

  it('notes the owner’s acceptance once on the ProductOrder and shows it on the order; the order stays partial', async () => {
    const partial = await madePartial();
    expect(await accept(alex, partial)).toEqual([]);
    const accepted = await pulledOrder(alex, String(partial.id));
    expect(accepted).toMatchObject({
      status: 'partial',
      partialAcceptance: ACCEPTED,
      partialAcceptanceNoted: { by: 'Alex Rivera', at: expect.any(String) },
    });
    const order = await productOrder(partial.tmfOrderId);
    expect(order.state).toBe('partial');
    const notes = (order.note as Json[]).filter((note) => note.id === 'partialAccepted');
    expect(notes).toEqual([
      {
        id: 'partialAccepted',
        author: 'Alex Rivera',
        date: (accepted.partialAcceptanceNoted as Json).at,
        text: 'Partial delivery accepted by Alex Rivera: line 01 delivered stays installed; line 02 failed, not delivered',
      },
    ]);

    // The same push again (a retry after a lost answer): answered with the master, which already
    // has it, with no refusal; no second note.
    const [retried] = await accept(alex, partial);
    expect(retried).toMatchObject({ partialAcceptance: ACCEPTED, partialAcceptanceNoted: accepted.partialAcceptanceNoted });
    expect(retried?.syncError).toBeUndefined();
    expect(await accept(alex, accepted)).toEqual([]);
    expect(((await productOrder(partial.tmfOrderId)).note as Json[]).filter((note) => note.id === 'partialAccepted')).toHaveLength(1);

    // Given once, it is never changed or taken back.
    const changed = await accept(alex, accepted, { acceptedAt: '2026-03-05T09:00:00.000Z' });
    expect(refusalOf(changed)).toContain('an acceptance cannot be changed or taken back');
    const { partialAcceptance: _dropped, ...withdrawn } = accepted;
    const [takenBack] = await alex.push('orders', [{ newDocumentState: withdrawn, assumedMasterState: asMaster(accepted) }]);
    expect(String((takenBack?.syncError as Json | undefined)?.reason)).toContain('cannot be changed or taken back');
    expect(await pulledOrder(alex, String(partial.id))).toMatchObject({ partialAcceptance: ACCEPTED });
  });

  it('refuses an acceptance by the manager and on an order that is not partial, and changes nothing', async () => {
    const partial = await madePartial();
    const byManager = await accept(morgan, partial);
    expect(byManager[0]?.syncError).toBeDefined();
    expect(((await productOrder(partial.tmfOrderId)).note as Json[]).some((note) => note.id === 'partialAccepted')).toBe(false);
    expect((await pulledOrder(alex, String(partial.id))).partialAcceptance).toBeUndefined();

    const acknowledged = await submitted();
    const early = await accept(alex, acknowledged);
    expect(refusalOf(early)).toContain('the partial delivery cannot be accepted');
    expect(await productOrder(acknowledged.tmfOrderId)).toMatchObject({ state: 'acknowledged' });
    expect((await pulledOrder(alex, String(acknowledged.id))).partialAcceptance).toBeUndefined();
  });

  it('never takes the central system’s note of an acceptance from the app', async () => {
    const draft = newOrder('user-alex', { status: 'draft', partialAcceptanceNoted: { by: 'Alex Rivera', at: '2026-03-02T10:00:00.000Z' } });
    expect(await alex.push('orders', [{ newDocumentState: draft }])).toEqual([]);
    expect((await pulledOrder(alex, draft.id)).partialAcceptanceNoted).toBeUndefined();
  });
});
