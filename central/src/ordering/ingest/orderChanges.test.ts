import { randomUUID } from 'node:crypto';
/**
 * Issue 10, items 1, 2 and 7 over HTTP on both engines: a direct order (no quote), the order
 * approval policy (held for the rep's manager, who alone approves or declines it by push, and
 * nobody releases it before), and the rep's changes after submit by push: a cancellation
 * request (TMF622 cancelProductOrder), a supplemental order (items with action modify) and the
 * answer to an information request (item 6: a TMF622 note that resumes the pending order), and
 * attachments (item 4: size and type limits, only on one's own order, listed as notes, downloaded
 * by the order's owner and their manager only).
 */
import { describe, expect, it } from 'vitest';
import { centralSuite, ENGINES } from '../../test/harness';
import { api, signIn, type Api, type Json } from '../../test/client';
import { conformingProductOrder, PO, pulledOrder } from '../../test/ordering';
import { asMaster, newAttachment, newOrder } from '../../test/fixtures';
import { newQuote } from '../../test/salesFixtures';
import { MAX_ATTACHMENT_BYTES } from '../../../../shared/orders/attachment';
import { changeKey, TIMELINE_PATH, type TimelineEntry, type TimelineResponse } from '../../../../shared/audit/timeline';
import { DEVICE_HEADER } from '../../../../shared/sync/protocol';

describe.each(ENGINES)('orders after submit on $name', (engine) => {
  const suite = centralSuite(engine);
  const { alex, morgan, sam, tmf } = suite;

  /** The TMF622 ProductOrder as a consumer reads it, checked against the conformance profile. */
  const productOrder = (id: unknown) => conformingProductOrder(tmf, id);
  const submit = async (overrides: Parameters<typeof newOrder>[1] = {}) => {
    const order = newOrder('user-alex', overrides);
    expect(await alex.push('orders', [{ newDocumentState: order }])).toEqual([]);
    return pulledOrder(alex, order.id);
  };
  /** `client` pushes the order with a new status over the master it pulled. */
  const pushStatus = async (client: Api, master: Json, status: string, extra: Json = {}) =>
    client.push('orders', [{ newDocumentState: { ...master, status, ...extra }, assumedMasterState: asMaster(master) }]);

  it('takes a direct order without a quote: no quote on the ProductOrder or its items', async () => {
    const stored = await submit({ quoteId: undefined, paymentTerms: 'Net 30' });
    expect(stored).toMatchObject({ status: 'acknowledged' });
    expect(stored.quoteId).toBeUndefined();
    expect(stored.approval).toBeUndefined();
    const order = await productOrder(stored.tmfOrderId);
    expect(order.quote).toBeUndefined();
    for (const item of order.productOrderItem as Json[]) expect(item).not.toHaveProperty('quoteItem');
    expect(order.note).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'paymentTerms', text: 'Payment terms: Net 30' })]));
  });

  it("holds an order the policy routes to the manager; only the rep's manager decides, and nobody releases it before", async () => {
    const stored = await submit({ paymentTerms: 'Net 90' });
    expect(stored).toMatchObject({
      status: 'held',
      stateReason: `Held for approval by the rep's manager: Payment terms "Net 90" are not standard (standard: Net 30, Net 45)`,
      approval: { state: 'required', reason: 'Payment terms "Net 90" are not standard (standard: Net 30, Net 45)' },
    });
    const held = await productOrder(stored.tmfOrderId);
    expect(held).toMatchObject({ state: 'held' });
    expect(held.note).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'approvalRequired' })]));

    // The operations desk (or fulfilment) cannot release it.
    const release = await tmf.post(`/ops/productOrder/${String(stored.tmfOrderId)}/transition`, { event: 'central.release' });
    expect(release.status).toBe(409);
    expect(((await release.json()) as Json).reason).toContain("waits for approval by the rep's manager");

    // The rep, another rep and an administrator may not approve it.
    const [own] = await pushStatus(alex, stored, 'inProgress');
    expect(String((own?.syncError as Json | undefined)?.reason)).toContain(
      "'order.approve' on this order may be sent only by a manager of its owner",
    );
    const [other] = await pushStatus(sam, stored, 'inProgress');
    expect((other?.syncError as Json | undefined)?.reason).toBe('This record belongs to another user');
    const admin = api(suite.central.url, await signIn(suite.central.url, 'admin'));
    const [byAdmin] = await pushStatus(admin, stored, 'inProgress');
    expect((byAdmin?.syncError as Json | undefined)?.reason).toBe('This record belongs to another user');
    expect((await productOrder(stored.tmfOrderId)).state).toBe('held');

    // Morgan, alex's manager, approves it (as the app pushes it, offline or not): released to fulfilment.
    const seen = await pulledOrder(morgan, String(stored.id));
    expect(await pushStatus(morgan, seen, 'inProgress')).toEqual([]);
    const approved = await pulledOrder(alex, String(stored.id));
    expect(approved).toMatchObject({
      status: 'inProgress',
      owner: 'user-alex',
      stateReason: 'In progress: approved by Morgan Lee, released to fulfilment',
      approval: { state: 'approved', decidedBy: 'Morgan Lee' },
    });
    const released = await productOrder(stored.tmfOrderId);
    expect(released.state).toBe('inProgress');
    expect((released.note as Json[]).map((note) => note.id)).not.toContain('approvalRequired');
    // Decided once: a second decision is refused with the reason.
    const [again] = await pushStatus(morgan, { ...seen, status: 'held' }, 'cancelled');
    expect(again?.syncError).toBeDefined();
  });

  it('cancels an order the manager declines', async () => {
    const stored = await submit({ paymentTerms: 'Net 60' });
    expect(stored.status).toBe('held');
    expect(await pushStatus(morgan, await pulledOrder(morgan, String(stored.id)), 'cancelled')).toEqual([]);
    expect(await pulledOrder(alex, String(stored.id))).toMatchObject({
      status: 'cancelled',
      stateReason: "Cancelled: declined by Morgan Lee, the rep's manager",
      approval: { state: 'declined', decidedBy: 'Morgan Lee' },
    });
    expect(await productOrder(stored.tmfOrderId)).toMatchObject({ state: 'cancelled', cancellationReason: 'Declined by Morgan Lee' });
  });

  it('cancels a submitted order the rep asks to cancel through TMF622 cancelProductOrder, and refuses it once it is final', async () => {
    const stored = await submit();
    expect(await pushStatus(alex, stored, 'assessingCancellation', { cancellationReason: 'Customer chose another site' })).toEqual([]);
    const cancelled = await pulledOrder(alex, String(stored.id));
    expect(cancelled).toMatchObject({ status: 'cancelled', stateReason: 'Cancelled: Customer chose another site' });
    expect(await productOrder(stored.tmfOrderId)).toMatchObject({ state: 'cancelled', cancellationReason: 'Customer chose another site' });
    const tasks = (await (await tmf.get(`/tmf-api/productOrderingManagement/v4/cancelProductOrder`)).json()) as Json[];
    expect(tasks.find((task) => (task.productOrder as Json).id === stored.tmfOrderId)).toMatchObject({ state: 'done' });

    const [refused] = await pushStatus(alex, cancelled, 'assessingCancellation');
    expect(String((refused?.syncError as Json | undefined)?.reason)).toContain("cannot go from 'cancelled' to 'assessingCancellation'");
  });

  it("resumes a pending order the rep answers by push, as a TMF622 note by the rep; refuses another user's answer and a late one", async () => {
    const stored = await submit();
    const ops = (event: string, reason?: string) =>
      tmf.post(`/ops/productOrder/${String(stored.tmfOrderId)}/transition`, { event, ...(reason ? { reason } : {}) });
    await ops('central.start');
    await ops('central.pend', 'Information required on line 01 (Business Fibre Internet): which floor is the comms room on?');
    const pending = await pulledOrder(alex, String(stored.id));
    expect(pending.status).toBe('pending');
    const answer = { text: 'Third floor, room 3.12', answeredAt: '2026-03-02T10:00:00.000Z' };

    // Only the owner answers: the manager's push is refused by the status gate and changes nothing.
    const [byManager] = await pushStatus(morgan, pending, 'inProgress', { informationAnswer: answer });
    expect(byManager?.syncError).toBeDefined();
    expect(await productOrder(stored.tmfOrderId)).toMatchObject({ state: 'pending' });

    expect(await pushStatus(alex, pending, 'inProgress', { informationAnswer: answer })).toEqual([]);
    expect(await pulledOrder(alex, String(stored.id))).toMatchObject({
      status: 'inProgress',
      stateReason: 'In progress: the information was supplied: Third floor, room 3.12',
      informationAnswer: answer,
    });
    const order = await productOrder(stored.tmfOrderId);
    expect(order.state).toBe('inProgress');
    expect(order.note).toEqual(expect.arrayContaining([expect.objectContaining({ text: answer.text, author: 'Alex Rivera' })]));

    // Pending again, but the order desk cancels it before the rep's (offline) answer arrives: a conflict,
    // answered with the cancelled order (the laptop keeps the rep's answer as its conflict copy).
    await ops('central.pend', 'Information required on line 02 (Mobile Business): confirm the address');
    const again = await pulledOrder(alex, String(stored.id));
    await ops('central.cancelled', 'Cancelled: the information could not be supplied');
    const [late] = await pushStatus(alex, again, 'inProgress', { informationAnswer: { text: 'Pier Avenue 1200' } });
    expect(late).toMatchObject({ status: 'cancelled' });
    expect(await productOrder(stored.tmfOrderId)).toMatchObject({ state: 'cancelled' });
  });

  it('replaces an order not yet in fulfilment by a supplemental order whose items modify the original', async () => {
    const original = await submit();
    const revision = newOrder('user-alex', { supplementOf: String(original.id), quoteId: String(original.quoteId) });
    revision.items = revision.items.map((line) => (line.id === 'qli-2' ? { ...line, quantity: 5 } : line));
    expect(await alex.push('orders', [{ newDocumentState: revision }])).toEqual([]);
    const placed = await pulledOrder(alex, revision.id);
    expect(placed.status).toBe('acknowledged');
    const order = await productOrder(placed.tmfOrderId);
    const items = order.productOrderItem as Json[];
    expect(items.map((item) => item.action)).toEqual(['modify', 'modify']);
    expect((items[1]?.product as Json).productOrderItem).toEqual([
      expect.objectContaining({ orderItemId: '02', orderItemAction: 'modify', productOrderId: original.tmfOrderId, role: 'supplements' }),
    ]);
    expect(await pulledOrder(alex, String(original.id))).toMatchObject({
      status: 'cancelled',
      stateReason: `Cancelled: Superseded by supplemental order ${revision.id} (ProductOrder ${String(placed.tmfOrderId)})`,
    });

    // Once fulfilment started, a supplemental order is rejected and the original goes on.
    const started = await submit();
    await tmf.post(`/ops/productOrder/${String(started.tmfOrderId)}/transition`, { event: 'central.start' });
    const late = newOrder('user-alex', { supplementOf: String(started.id) });
    expect(await alex.push('orders', [{ newDocumentState: late }])).toEqual([]);
    const rejected = await pulledOrder(alex, late.id);
    expect(rejected.status).toBe('rejected');
    expect(rejected.stateReason).toContain(`is inProgress, so it can no longer be revised`);
    expect((await pulledOrder(alex, String(started.id))).status).toBe('inProgress');
  });
  it("tells an order's timeline along its chain to its owner and manager only: who, from which device, what the central system did", async () => {
    const { url } = suite.central;
    const token = await signIn(url, 'alex');
    const pushFrom = async (device: string, rows: unknown[]) => {
      const response = await fetch(`${url}/sync/orders/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', [DEVICE_HEADER]: device },
        body: JSON.stringify(rows),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as Json[];
    };
    const order = newOrder('user-alex', { paymentTerms: 'Net 90', status: 'draft', updatedAt: '2026-12-01T09:00:00.000Z' });
    expect(await pushFrom('laptop-alex-1', [{ newDocumentState: order }])).toEqual([]);
    const draft = await pulledOrder(alex, order.id);
    const queued = { ...draft, status: 'queued', updatedAt: '2026-12-01T09:05:00.000Z' };
    expect(await pushFrom('laptop-alex-2', [{ newDocumentState: queued, assumedMasterState: asMaster(draft) }])).toEqual([]);
    const held = await pulledOrder(morgan, order.id);
    expect(held.status).toBe('held');
    expect(await pushStatus(morgan, held, 'inProgress', { updatedAt: '2026-12-01T10:00:00.000Z' })).toEqual([]);

    const timeline = async (client: Api) => client.get(TIMELINE_PATH('order', order.id));
    const response = await timeline(alex);
    expect(response.status).toBe(200);
    const body = (await response.json()) as TimelineResponse;
    const entries = body.entries;
    const mine = entries.filter((entry) => entry.actor !== null);
    expect(mine.map((entry) => [entry.key, entry.actor, entry.deviceId, entry.what])).toEqual([
      [changeKey('order', order.id, '2026-12-01T09:00:00.000Z', 'user-alex'), 'user-alex', 'laptop-alex-1', 'Created (draft)'],
      [changeKey('order', order.id, '2026-12-01T09:05:00.000Z', 'user-alex'), 'user-alex', 'laptop-alex-2', 'Status draft → queued'],
      [changeKey('order', order.id, '2026-12-01T10:00:00.000Z', 'user-morgan'), 'user-morgan', undefined, 'Status held → inProgress'],
    ]);
    // The central system's own steps: received, held for approval, released by the approval.
    const central = entries.filter((entry: TimelineEntry) => entry.actor === null).map((entry) => entry.what);
    expect(central).toEqual(expect.arrayContaining(['Order received by the central system → acknowledged']));
    expect(central).toEqual(expect.arrayContaining(['Order status → held', 'Order status → inProgress']));
    // Oldest first (the pushes above carry times before the central system's own steps).
    expect(entries.map((entry) => entry.at)).toEqual(entries.map((entry) => entry.at).sort());

    // The manager reads it too; another rep and an administrator learn nothing about it.
    expect((await timeline(morgan)).status).toBe(200);
    expect((await timeline(sam)).status).toBe(404);
    const admin = api(url, await signIn(url, 'admin'));
    expect((await timeline(admin)).status).toBe(404);
    expect((await alex.get(TIMELINE_PATH('order', 'no-such-order'))).status).toBe(404);
  });
  it('follows the chain: a quote version shows the other versions and the order made from it, and the order shows the quotes', async () => {
    const opportunityId = randomUUID();
    const first = newQuote('user-alex', { opportunityId, updatedAt: '2026-12-01T08:00:00.000Z' });
    const second = newQuote('user-alex', { opportunityId, version: 2, updatedAt: '2026-12-01T08:30:00.000Z' });
    expect(await alex.push('quotes', [{ newDocumentState: first }, { newDocumentState: second }])).toEqual([]);
    const order = newOrder('user-alex', { quoteId: second.id, opportunityId, updatedAt: '2026-12-01T09:00:00.000Z' });
    expect(await alex.push('orders', [{ newDocumentState: order }])).toEqual([]);
    const other = newOrder('user-alex', { updatedAt: '2026-12-01T09:30:00.000Z' });
    expect(await alex.push('orders', [{ newDocumentState: other }])).toEqual([]);

    const records = async (path: string) => {
      const body = (await (await alex.get(path)).json()) as TimelineResponse;
      return body.entries
        .filter((entry) => entry.actor !== null)
        .map((entry) => [entry.kind, entry.version, entry.what].filter((part) => part !== undefined).join(' '));
    };
    const chain = ['quote 1 Created (inProgress)', 'quote 2 Created (inProgress)', 'order Created (queued)'];
    expect(await records(TIMELINE_PATH('quote', first.id))).toEqual(chain);
    expect(await records(TIMELINE_PATH('order', order.id))).toEqual(chain);
    // An order of another quote is not on this chain.
    expect(await records(TIMELINE_PATH('order', other.id))).toEqual(['order Created (queued)']);
  });

  it("stores a PDF attached to the rep's order, lists it as a ProductOrder note and serves it to the owner and their manager only", async () => {
    const stored = await submit();
    const pdf = new TextEncoder().encode('%PDF-1.7\n%PO 4711 for Harbor Logistics\n%%EOF\n');
    const attachment = newAttachment('user-alex', String(stored.id), pdf);
    expect(await alex.push('orderAttachments', [{ newDocumentState: attachment }])).toEqual([]);
    const order = await productOrder(stored.tmfOrderId);
    const href = `${PO}/${String(stored.tmfOrderId)}/attachment/${attachment.id}`;
    expect(order.note).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: `attachment:${attachment.id}`,
          text: `Purchase order attached: PO-4711.pdf (application/pdf, ${pdf.length} bytes); download ${href}`,
        }),
      ]),
    );
    for (const client of [alex, morgan]) {
      const download = await client.get(href);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('application/pdf');
      expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);
    }
    expect((await sam.get(href)).status).toBe(404);
  });

  it("refuses an attachment that is too big, not a PDF or image by its content, or on someone else's order, saying why", async () => {
    const stored = await submit();
    const orderId = String(stored.id);
    const reasonOf = (rows: Json[]) => String((rows[0]?.syncError as Json | undefined)?.reason);
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(new TextEncoder().encode('%PDF-1.7\n'));
    const tooBig = await alex.push('orderAttachments', [{ newDocumentState: newAttachment('user-alex', orderId, big) }]);
    expect(reasonOf(tooBig)).toContain('attachments may be at most 5.0 MB');
    const exe = new TextEncoder().encode('MZ\x90\x00 not a PDF at all');
    const renamed = await alex.push('orderAttachments', [{ newDocumentState: newAttachment('user-alex', orderId, exe) }]);
    expect(reasonOf(renamed)).toContain('is not a PDF, PNG or JPEG file (checked by its content)');
    const foreign = await sam.push('orderAttachments', [{ newDocumentState: newAttachment('user-sam', orderId) }]);
    expect(reasonOf(foreign)).toContain('is not one of your orders');
    // None of them was stored or listed.
    expect((await alex.pull('orderAttachments')).documents.filter((doc) => doc.orderId === orderId)).toEqual([]);
    const notes = ((await productOrder(stored.tmfOrderId)).note as Json[]).filter((note) => String(note.id).startsWith('attachment:'));
    expect(notes).toEqual([]);
  });
});
