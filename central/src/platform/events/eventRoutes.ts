import type { FastifyInstance, FastifyRequest } from 'fastify';
import { currentUser } from '../auth/guard';
import type { Db } from '../db/db';
import { notFound } from '../http/errors';
import type { JsonObject } from '../json';
import { parseListQuery, selectFields, sendPage } from '../tmf/listing';
import { EVENT_API_BASE } from './domains';
import type { TmfEvent } from './eventLog';
import { findVisibleEvent, listVisibleEvents } from './eventStore';
import { listTopics, topicExists, topicOf } from './topics';

/** `fields` applies as everywhere, but an event always keeps its eventId (it has no id). */
function eventFields(event: TmfEvent, fields: unknown): JsonObject {
  return fields === undefined ? event : { ...selectFields(event, fields), eventId: event.eventId };
}

async function requireTopic(db: Db, request: FastifyRequest, param: 'id' | 'topicId'): Promise<string> {
  const id = (request.params as Record<string, string>)[param] ?? '';
  if (!(await topicExists(db, id))) throw notFound(`No topic ${id}; GET ${EVENT_API_BASE}/topic lists them`);
  return id;
}

/**
 * TMF688 Event Management, read side: one topic per API domain and its event log
 * (`GET /topic/{topicId}/event`), a pull alternative to /hub for clients without a callback.
 * Each user reads the events of the records they may see.
 */
export function registerEventRoutes(app: FastifyInstance, db: Db): void {
  app.get(`${EVENT_API_BASE}/topic`, async (request, reply) => {
    currentUser(request);
    const query = parseListQuery(request.query);
    const matching = (await listTopics(db)).filter((topic) =>
      query.filters.every((filter) => filter.values.includes(String(topic[filter.attribute]))),
    );
    return sendPage(reply, matching.length, matching.slice(query.offset, query.offset + query.limit), query.fields);
  });

  app.get(`${EVENT_API_BASE}/topic/:id`, async (request) => {
    currentUser(request);
    const id = await requireTopic(db, request, 'id');
    return selectFields(topicOf(id), (request.query as Record<string, unknown>).fields);
  });

  app.get(`${EVENT_API_BASE}/topic/:topicId/event`, async (request, reply) => {
    const user = currentUser(request);
    const topic = await requireTopic(db, request, 'topicId');
    const query = parseListQuery(request.query);
    const { total, events } = await listVisibleEvents(db, user, topic, query.filters, query.offset, query.limit);
    return sendPage(
      reply,
      total,
      events.map((event) => eventFields(event, query.fields)),
      undefined,
    );
  });

  app.get(`${EVENT_API_BASE}/topic/:topicId/event/:id`, async (request) => {
    const user = currentUser(request);
    const topic = await requireTopic(db, request, 'topicId');
    const { id } = request.params as { id: string };
    const event = await findVisibleEvent(db, user, topic, id);
    if (!event) throw notFound(`No event ${id} in topic ${topic} that you may see`);
    return eventFields(event, (request.query as Record<string, unknown>).fields);
  });
}
