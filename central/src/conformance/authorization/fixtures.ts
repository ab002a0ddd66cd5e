/**
 * The records the authorization matrix probes, one set per owner, each made through the API the
 * way its owner would make it: a lead and an account pushed by sync, a quote pushed by sync, a
 * TMF622 order (fulfilled into TMF637 products by an administrator), a hub subscription, and
 * the ProductOrderCreateEvent of that order in the TMF688 event log.
 */
import { randomUUID } from 'node:crypto';
import { newAccount, newLead } from '../../test/fixtures';
import { newQuote } from '../../test/salesFixtures';
import { PO_BASE } from '../cases/productOrdering';
import { call, USER_ID, type Answer, type Caller, type Session } from '../session';

export const OWNERS = ['alex', 'sam', 'morgan', 'admin', 'tmf', 'pat'] as const satisfies readonly Caller[];
export type Owner = (typeof OWNERS)[number];

export const ownerId = (owner: Owner): string => (owner === 'pat' ? 'user-pat' : USER_ID[owner]);

export const PO = `${PO_BASE}/productOrder`;
export const HUB = `${PO_BASE}/hub`;
export const EVENTS = '/tmf-api/event/v4/topic/productOrderingManagement/event';
/** Nothing listens there; the query keeps deliveries to a minimum. */
export const CALLBACK_BODY = { callback: 'http://127.0.0.1:9/listener', query: 'eventType=ProductOrderDeleteEvent' };

export interface OwnedRecords {
  leadId: string;
  accountId: string;
  quoteId: string;
  orderId: string;
  productId: string;
  hubId: string;
  eventId: string;
}

function expectStatus(answer: Answer, status: number): Record<string, unknown> {
  if (answer.status !== status)
    throw new Error(`${answer.method} ${answer.path} answered ${answer.status}, not ${status}: ${JSON.stringify(answer.body)}`);
  return answer.body as Record<string, unknown>;
}

/** Pushes one document of an owned collection as its owner; it must be stored as sent. */
export async function pushOwn(session: Session, owner: Owner, collection: string, doc: { id: string }): Promise<string> {
  const refused = expectStatus(
    await call(session, 'POST', `/sync/${collection}/push`, { who: owner, body: [{ newDocumentState: doc }] }),
    200,
  );
  if (Array.isArray(refused) && refused.length > 0) throw new Error(`${owner}'s ${collection} push came back: ${JSON.stringify(refused)}`);
  return doc.id;
}

/** A TMF622 order of `owner` for their own account, acknowledged; returns its id. */
export async function placeOrder(session: Session, owner: Owner, accountId: string): Promise<string> {
  const body = {
    externalId: `authz-${randomUUID()}`,
    productOrderItem: [{ id: '01', action: 'add', quantity: 1, productOffering: { id: 'off-fibre-internet' } }],
    relatedParty: [{ id: accountId, '@referredType': 'Organization', role: 'customer' }],
  };
  const order = expectStatus(await call(session, 'POST', PO, { who: owner, body }), 201);
  if (order.state !== 'acknowledged') throw new Error(`${owner}'s order is ${String(order.state)}: ${JSON.stringify(order.note)}`);
  return String(order.id);
}

/**
 * A product of `owner`: an order of theirs, stepped by an administrator until fulfilled. The
 * simulator lets some orders fall out (fail) on purpose; those are replaced by a new order.
 */
async function fulfilledProduct(session: Session, owner: Owner, accountId: string): Promise<string> {
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const orderId = await placeOrder(session, owner, accountId);
    for (let step = 0; step < 6; step += 1) {
      const { steps } = expectStatus(await call(session, 'POST', '/admin/fulfillment/step', { who: 'admin', body: { orderId } }), 200) as {
        steps: { to: string; productIds: string[] }[];
      };
      const productId = steps.flatMap((done) => done.productIds)[0];
      if (productId) return productId;
      if (steps.every((done) => done.to === 'failed' || done.to === 'cancelled' || done.to === 'partial')) break;
    }
  }
  throw new Error(`no order of ${owner} was fulfilled into a product`);
}

export async function subscribe(session: Session, owner: Owner): Promise<string> {
  return String(expectStatus(await call(session, 'POST', HUB, { who: owner, body: CALLBACK_BODY }), 201).id);
}

async function createEventOf(session: Session, orderId: string): Promise<string> {
  const events = expectStatus(
    await call(session, 'GET', `${EVENTS}?eventType=ProductOrderCreateEvent&limit=1000`, { who: 'admin' }),
    200,
  ) as unknown as {
    eventId: string;
    event: { productOrder: { id: string } };
  }[];
  const found = events.find((event) => event.event.productOrder.id === orderId);
  if (!found) throw new Error(`no ProductOrderCreateEvent for order ${orderId}`);
  return found.eventId;
}

export async function recordsOf(session: Session, owner: Owner): Promise<OwnedRecords> {
  const id = ownerId(owner);
  const accountId = await pushOwn(session, owner, 'accounts', newAccount(id, { id: randomUUID(), name: `${owner}'s customer` }));
  const leadId = await pushOwn(session, owner, 'leads', newLead(id));
  const quoteId = await pushOwn(session, owner, 'quotes', newQuote(id, { accountId }));
  const orderId = await placeOrder(session, owner, accountId);
  const productId = await fulfilledProduct(session, owner, accountId);
  return {
    leadId,
    accountId,
    quoteId,
    orderId,
    productId,
    hubId: await subscribe(session, owner),
    eventId: await createEventOf(session, orderId),
  };
}
