/** TMF688 Event Management (topics, event log, topic hubs) and the /hub of every v4 API. */
import { randomUUID } from 'node:crypto';
import { call, conforms, type Session } from '../session';
import { createOrder } from './productOrdering';
import type { CaseTable } from './types';

const EVENT_BASE = '/tmf-api/event/v4';
const TOPIC = `${EVENT_BASE}/topic`;
const ORDERING = 'productOrderingManagement';
const HUB_BASES = ['productOrderingManagement', 'productCatalogManagement', 'productInventory', 'quoteManagement', 'sales'].map(
  (domain) => `/tmf-api/${domain}/v4/hub`,
);
/** Nothing listens there: a subscription made only to be read and deleted. */
const CALLBACK = 'http://127.0.0.1:9/listener';

async function subscribe(session: Session, hub: string, template: string): Promise<string> {
  const created = conforms(
    await call(session, 'POST', hub, { body: { callback: CALLBACK, query: 'eventType=ProductOrderCreateEvent' } }),
    template,
    201,
  );
  return String(created.id);
}

function hubCases(hub: string): CaseTable {
  return {
    [`POST ${hub}`]: async ({ session, template }) => {
      const id = await subscribe(session, hub, template);
      for (const bad of [{}, { callback: 'ftp://127.0.0.1/x' }, { callback: CALLBACK, query: 'a b=c' }, [CALLBACK]]) {
        conforms(await call(session, 'POST', hub, { body: bad }), template, 400);
      }
      conforms(await call(session, 'DELETE', `${hub}/${id}`), `${template}/:id`, 204);
    },
    [`DELETE ${hub}/:id`]: async ({ session, template }) => {
      const id = await subscribe(session, hub, hub);
      // Someone else's subscription is not theirs to delete.
      conforms(await call(session, 'DELETE', `${hub}/${id}`, { who: 'alex' }), template, 404);
      conforms(await call(session, 'DELETE', `${hub}/${id}`), template, 204);
      conforms(await call(session, 'DELETE', `${hub}/${id}`), template, 404);
    },
  };
}

export const EVENT_CASES: CaseTable = {
  ...Object.fromEntries(HUB_BASES.flatMap((hub) => Object.entries(hubCases(hub)))),

  [`GET ${TOPIC}`]: async ({ session, template }) => {
    const topics = conforms<unknown[]>(await call(session, 'GET', TOPIC), template, 200);
    if (topics.length < HUB_BASES.length) throw new Error('expected a topic per API');
    conforms(await call(session, 'GET', `${TOPIC}?offset=1&limit=2&fields=name`), template, 200, { fieldsSelected: true });
    conforms(await call(session, 'GET', `${TOPIC}?limit=-1`), template, 400);
  },

  [`GET ${TOPIC}/:id`]: async ({ session, template }) => {
    conforms(await call(session, 'GET', `${TOPIC}/${ORDERING}`, { who: 'alex' }), template, 200);
    conforms(await call(session, 'GET', `${TOPIC}/no-such-topic`), template, 404);
  },

  [`GET ${TOPIC}/:topicId/event`]: async ({ session, template }) => {
    await createOrder(session, 'alex');
    conforms(await call(session, 'GET', `${TOPIC}/${ORDERING}/event?limit=5`), template, 200);
    conforms(await call(session, 'GET', `${TOPIC}/${ORDERING}/event?fields=eventType`, { who: 'sam' }), template, 200, {
      fieldsSelected: true,
    });
    conforms(await call(session, 'GET', `${TOPIC}/${ORDERING}/event?eventType=ProductOrderCreateEvent&offset=1`), template, 200);
    conforms(await call(session, 'GET', `${TOPIC}/${ORDERING}/event?limit=x`), template, 400);
    conforms(await call(session, 'GET', `${TOPIC}/no-such-topic/event`), template, 404);
  },

  [`GET ${TOPIC}/:topicId/event/:id`]: async ({ session, template }) => {
    const order = await createOrder(session, 'alex');
    const created = `${TOPIC}/${ORDERING}/event?eventType=ProductOrderCreateEvent&limit=1000`;
    const events = conforms<{ eventId: string; event: { productOrder: { id: string } } }[]>(
      await call(session, 'GET', created, { who: 'alex' }),
      `${TOPIC}/:topicId/event`,
      200,
    );
    const event = events.find((candidate) => candidate.event.productOrder.id === order.id);
    if (!event) throw new Error(`no ProductOrderCreateEvent for order ${String(order.id)}`);
    conforms(await call(session, 'GET', `${TOPIC}/${ORDERING}/event/${event.eventId}`, { who: 'alex' }), template, 200);
    conforms(await call(session, 'GET', `${TOPIC}/${ORDERING}/event/${event.eventId}?fields=title`), template, 200, {
      fieldsSelected: true,
    });
    conforms(await call(session, 'GET', `${TOPIC}/${ORDERING}/event/${event.eventId}`, { who: 'sam' }), template, 404);
    conforms(await call(session, 'GET', `${TOPIC}/${ORDERING}/event/${randomUUID()}`), template, 404);
  },

  [`POST ${TOPIC}/:topicId/hub`]: async ({ session, template }) => {
    const hub = `${TOPIC}/sales/hub`;
    const id = await subscribe(session, hub, template);
    conforms(await call(session, 'POST', hub, { body: { query: 'eventType=x' } }), template, 400);
    conforms(await call(session, 'POST', `${TOPIC}/no-such-topic/hub`, { body: { callback: CALLBACK } }), template, 404);
    conforms(await call(session, 'DELETE', `${hub}/${id}`), `${template}/:id`, 204);
  },

  [`GET ${TOPIC}/:topicId/hub/:id`]: async ({ session, template }) => {
    const hub = `${TOPIC}/quoteManagement/hub`;
    const id = await subscribe(session, hub, `${TOPIC}/:topicId/hub`);
    conforms(await call(session, 'GET', `${hub}/${id}`), template, 200);
    conforms(await call(session, 'GET', `${hub}/${id}?fields=callback`), template, 200, { fieldsSelected: true });
    conforms(await call(session, 'GET', `${hub}/${id}`, { who: 'sam' }), template, 404);
    conforms(await call(session, 'DELETE', `${hub}/${id}`), `${TOPIC}/:topicId/hub/:id`, 204);
  },

  [`DELETE ${TOPIC}/:topicId/hub/:id`]: async ({ session, template }) => {
    const hub = `${TOPIC}/productInventory/hub`;
    const id = await subscribe(session, hub, `${TOPIC}/:topicId/hub`);
    conforms(await call(session, 'DELETE', `${hub}/${id}`, { who: 'morgan' }), template, 404);
    conforms(await call(session, 'DELETE', `${hub}/${id}`), template, 204);
    conforms(await call(session, 'DELETE', `${hub}/${id}`), template, 404);
  },
};
