/**
 * One probe per matrix row: what `actor` gets when it acts on `target`'s record, as an outcome.
 * Probes that change or destroy a record act on a fresh one of the target, so cells never
 * depend on each other.
 */
import { randomUUID } from 'node:crypto';
import { visionLeadBody } from '../../test/salesFixtures';
import { PO_BASE } from '../cases/productOrdering';
import { call, type Answer, type Session, type Who } from '../session';
import { DEVICE_HEADER, SYNC_PATHS } from '../../../../shared/sync/protocol';
import { CARD_AUTHORISATION_PATH } from '../../../../shared/orders/cardAuthorisation';
import { newOrder } from '../../test/fixtures';
import { CALLBACK_BODY, EVENTS, HUB, ownerId, placeOrder, PO, pushOwn, subscribe, type OwnedRecords, type Owner } from './fixtures';

/** HTTP statuses, or for lists and sync what happened to the target's record. */
export type Outcome = '200' | '201' | '204' | '400' | '403' | '404' | '409' | 'listed' | 'absent' | 'stored' | 'refused';

export interface ProbeContext {
  session: Session;
  records: Record<Owner, OwnedRecords>;
}

export type Probe = (context: ProbeContext, actor: Who, target: Owner) => Promise<Outcome | string>;

const status = (answer: Answer): string => String(answer.status);

/** GET by id: the status. */
export const getById =
  (path: (records: OwnedRecords) => string): Probe =>
  async ({ session, records }, actor, target) =>
    status(await call(session, 'GET', path(records[target]), { who: actor }));

/** A list filtered to the target's record: whether it is in the page. */
export const listed =
  (path: (records: OwnedRecords) => string): Probe =>
  async ({ session, records }, actor, target) => {
    const answer = await call(session, 'GET', path(records[target]), { who: actor });
    if (answer.status !== 200) return status(answer);
    return Array.isArray(answer.body) && answer.body.length > 0 ? 'listed' : 'absent';
  };

/** A full pull of a collection: whether the target's document is in it. */
export const pulled =
  (collection: string, idOf: (records: OwnedRecords) => string): Probe =>
  async ({ session, records }, actor, target) => {
    const answer = await call(session, 'GET', `/sync/${collection}/pull?seq=0&limit=500`, { who: actor });
    if (answer.status !== 200) return status(answer);
    const { documents } = answer.body as { documents: { id: string }[] };
    return documents.some((doc) => doc.id === idOf(records[target])) ? 'listed' : 'absent';
  };

/** The target's installed product pushed back as it was pulled: products are written by fulfillment only. */
export const pushedProduct: Probe = async ({ session, records }, actor, target) => {
  const pulled = await call(session, 'GET', '/sync/products/pull?seq=0&limit=500', { who: target });
  const master = (pulled.body as { documents: { id: string }[] }).documents.find((doc) => doc.id === records[target].productId);
  if (!master) throw new Error(`${target} cannot pull their own product`);
  const answer = await call(session, 'POST', '/sync/products/push', {
    who: actor,
    body: [{ newDocumentState: master, assumedMasterState: master }],
  });
  if (answer.status !== 200) return status(answer);
  return (answer.body as unknown[]).length === 0 ? 'stored' : 'refused';
};

/** An edit of the target's lead, sent with the master its owner holds as assumedMasterState. */
export const pushedLead: Probe = async ({ session, records }, actor, target) => {
  const pulled = await call(session, 'GET', '/sync/leads/pull?seq=0&limit=500', { who: target });
  const master = (pulled.body as { documents: { id: string }[] }).documents.find((doc) => doc.id === records[target].leadId);
  if (!master) throw new Error(`${target} cannot pull their own lead`);
  const row = { newDocumentState: { ...master, company: `Edited by ${actor}` }, assumedMasterState: master };
  const answer = await call(session, 'POST', '/sync/leads/push', { who: actor, body: [row] });
  if (answer.status !== 200) return status(answer);
  const returned = answer.body as { syncError?: string }[];
  if (returned.length === 0) return 'stored';
  return returned[0]?.syncError ? 'refused' : `conflict: ${JSON.stringify(returned[0])}`;
};

/** Reference data: the seeded fibre offering pushed back unchanged (a no-op for whoever may). */
export const pushedOffering: Probe = async ({ session }, actor) => {
  const pulled = await call(session, 'GET', '/sync/offerings/pull?seq=0&limit=500', { who: actor });
  const master = (pulled.body as { documents: { id: string }[] }).documents.find((doc) => doc.id === 'off-fibre-internet');
  if (!master) throw new Error(`${actor} cannot pull the offerings`);
  const answer = await call(session, 'POST', '/sync/offerings/push', {
    who: actor,
    body: [{ newDocumentState: master, assumedMasterState: master }],
  });
  if (answer.status !== 200) return status(answer);
  return (answer.body as unknown[]).length === 0 ? 'stored' : 'refused';
};

/** A fresh acknowledged order of the target, then `send` on it as the actor. */
const onFreshOrder =
  (send: (context: ProbeContext, actor: Who, orderId: string) => Promise<Answer>): Probe =>
  async (context, actor, target) =>
    status(await send(context, actor, await placeOrder(context.session, target, context.records[target].accountId)));

export const patchedOrder = onFreshOrder(({ session }, actor, id) =>
  call(session, 'PATCH', `${PO}/${id}`, {
    who: actor,
    body: { description: `Edited by ${actor}` },
    contentType: 'application/merge-patch+json',
  }),
);
export const deletedOrder = onFreshOrder(({ session }, actor, id) => call(session, 'DELETE', `${PO}/${id}`, { who: actor }));
export const cancelledOrder = onFreshOrder(({ session }, actor, id) =>
  call(session, 'POST', `${PO_BASE}/cancelProductOrder`, { who: actor, body: { productOrder: { id }, cancellationReason: 'matrix' } }),
);
export const startedOrder = onFreshOrder(({ session }, actor, id) =>
  call(session, 'POST', `/ops/productOrder/${id}/transition`, { who: actor, body: { event: 'central.start', reason: 'matrix' } }),
);

export const deletedSubscription: Probe = async ({ session }, actor, target) =>
  status(await call(session, 'DELETE', `${HUB}/${await subscribe(session, target)}`, { who: actor }));

export const createdSubscription: Probe = async ({ session }, actor) =>
  status(await call(session, 'POST', HUB, { who: actor, body: CALLBACK_BODY }));

export const readTopicSubscription = getById((records) => `/tmf-api/event/v4/topic/productOrderingManagement/hub/${records.hubId}`);
export const readEvent = getById((records) => `${EVENTS}/${records.eventId}`);
export const listedEvent = listed((records) => `${EVENTS}?eventId=${records.eventId}`);

const OFFERING = '/tmf-api/productCatalogManagement/v4/productOffering';

async function freshOffering(session: Session): Promise<string> {
  const answer = await call(session, 'POST', OFFERING, {
    who: 'admin',
    body: { name: `Matrix offering ${randomUUID()}`, lifecycleStatus: 'In Design' },
  });
  if (answer.status !== 201) throw new Error(`admin could not create an offering: ${answer.status} ${JSON.stringify(answer.body)}`);
  return String((answer.body as { id: string }).id);
}

export const readOffering: Probe = async ({ session }, actor) =>
  status(await call(session, 'GET', `${OFFERING}/off-fibre-internet`, { who: actor }));
export const createdOffering: Probe = async ({ session }, actor) =>
  status(await call(session, 'POST', OFFERING, { who: actor, body: { name: `Offering by ${actor}`, lifecycleStatus: 'In Design' } }));
export const patchedOffering: Probe = async ({ session }, actor) =>
  status(await call(session, 'PATCH', `${OFFERING}/${await freshOffering(session)}`, { who: actor, body: { description: 'edited' } }));
export const deletedOffering: Probe = async ({ session }, actor) =>
  status(await call(session, 'DELETE', `${OFFERING}/${await freshOffering(session)}`, { who: actor }));

export const createdSalesLead: Probe = async ({ session }, actor) =>
  status(
    await call(session, 'POST', '/tmf-api/sales/v4/salesLead', { who: actor, body: visionLeadBody({ name: `Lead posted by ${actor}` }) }),
  );

export const readFulfillment: Probe = async ({ session }, actor) =>
  status(await call(session, 'GET', '/admin/fulfillment', { who: actor }));

const WIPES = '/admin/wipes';

/** A wipe of the target user's devices, asked for by the admin; withdrawn again so no later probe meets it. */
async function adminWipeOf(session: Session, target: Owner): Promise<string> {
  const answer = await call(session, 'POST', WIPES, { who: 'admin', body: { userId: ownerId(target), reason: 'matrix' } });
  if (answer.status !== 201) throw new Error(`admin could not ask for a wipe: ${answer.status} ${JSON.stringify(answer.body)}`);
  return String((answer.body as { id: string }).id);
}
const withdraw = (session: Session, id: string) => call(session, 'DELETE', `${WIPES}/${id}`, { who: 'admin' });

export const requestedWipe: Probe = async ({ session }, actor, target) => {
  const answer = await call(session, 'POST', WIPES, { who: actor, body: { userId: ownerId(target), reason: 'matrix' } });
  if (answer.status === 201) await withdraw(session, String((answer.body as { id: string }).id));
  return status(answer);
};
export const listedWipes: Probe = async ({ session }, actor) => status(await call(session, 'GET', WIPES, { who: actor }));
export const withdrawnWipe: Probe = async ({ session }, actor, target) => {
  const id = await adminWipeOf(session, target);
  const answer = await call(session, 'DELETE', `${WIPES}/${id}`, { who: actor });
  if (answer.status !== 204) await withdraw(session, id);
  return status(answer);
};
export const readDeviceStatus: Probe = async ({ session }, actor) =>
  status(await call(session, 'GET', SYNC_PATHS.device, { who: actor, headers: { [DEVICE_HEADER]: `matrix-${actor}` } }));

/** A card authorised for the target's draft order, pushed by the target (the card is the seeded test card). */
export const authorisedCard: Probe = async ({ session }, actor, target) => {
  const orderId = await pushOwn(session, target, 'orders', newOrder(ownerId(target), { status: 'draft' }));
  const body = { orderId, cardNumber: '4242424242424242', cardExpiry: '12/30', cardCvc: '123', amount: 1000, currency: 'USD' };
  return status(await call(session, 'POST', CARD_AUTHORISATION_PATH, { who: actor, body }));
};
