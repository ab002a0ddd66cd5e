import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/db';
import type { JsonObject } from '../json';

/**
 * TMF notification events (e.g. ProductOrderStateChangeEvent), recorded in the same
 * transaction as the change they describe, so the log never tells of a change that rolled
 * back. The same transaction queues the event for the matching /hub subscriptions; the
 * dispatcher (dispatcher.ts) posts it to their callbacks after commit.
 */
export interface EventInput {
  /** e.g. 'ProductOrderStateChangeEvent' */
  eventType: string;
  /** API domain, e.g. 'productOrderingManagement' */
  domain: string;
  /** Resource name as it appears under `event`, e.g. 'productOrder' */
  resourceName: string;
  resource: JsonObject & { id: string };
  /** The user whose data this is (scopes who may read the event); null = everyone. */
  owner: string | null;
  title?: string;
  description?: string;
  /** AttributeValueChange events: the attributes that changed. */
  fieldPath?: string;
}

export interface TmfEvent extends JsonObject {
  eventId: string;
  eventTime: string;
  eventType: string;
  domain: string;
  title: string;
  description: string;
  priority: string;
  timeOcurred: string;
  fieldPath?: string;
  event: JsonObject;
}

function eventOf(input: EventInput, now: string): TmfEvent {
  return {
    eventId: randomUUID(),
    eventTime: now,
    eventType: input.eventType,
    domain: input.domain,
    title: input.title ?? input.eventType,
    description: input.description ?? `${input.eventType} for ${input.resourceName} ${input.resource.id}`,
    priority: 'normal',
    // Spelled as the v4 specifications spell it.
    timeOcurred: now,
    ...(input.fieldPath ? { fieldPath: input.fieldPath } : {}),
    event: { [input.resourceName]: input.resource },
  };
}

export async function recordEvent(tx: Queryable, input: EventInput): Promise<TmfEvent> {
  const [event] = await recordEvents(tx, [input]);
  if (!event) throw new Error(`${input.eventType} for ${input.resourceName} ${input.resource.id} was not recorded`);
  return event;
}

/**
 * Queues the events `e` for every hub subscription of their domain whose query they match and whose
 * subscriber may see them (the rules of platform/auth/scope.ts: owner null = everyone, admins and
 * integration clients all, a manager their reps', a rep their own). Done in the events' own
 * transaction rather than by a reader following the log: sequence numbers are drawn before
 * commit, so a log reader could pass an event whose transaction commits late and lose it.
 */
const DELIVERIES_SQL = `INSERT INTO event_deliveries (subscription_id, event_seq)
     SELECT s.id, e.seq
       FROM e
       JOIN event_subscriptions s ON s.domain = e.domain
       JOIN users u ON u.id = s.subscriber
      WHERE (e.owner IS NULL OR u.role IN ('admin', 'integration') OR u.id = e.owner
             OR u.id = (SELECT manager_id FROM users WHERE id = e.owner))
        AND NOT EXISTS (
          SELECT 1 FROM jsonb_array_elements(s.filter) AS clause(alternatives)
           WHERE NOT EXISTS (
             SELECT 1 FROM jsonb_array_elements(clause.alternatives) AS alternative(value)
              WHERE e.payload @> alternative.value))`;

/**
 * Many events in one statement whatever their number (a push batch: one round trip per event
 * would cap push throughput), logged in the given order with their hub deliveries queued.
 */
export async function recordEvents(tx: Queryable, inputs: readonly EventInput[]): Promise<TmfEvent[]> {
  if (inputs.length === 0) return [];
  const now = new Date().toISOString();
  const rows = inputs.map((input) => ({
    event: eventOf(input, now),
    resourceName: input.resourceName,
    resourceId: input.resource.id,
    owner: input.owner,
  }));
  // The deliveries read the inserted events from the CTE: the outer statement cannot see them in tmf_events.
  await tx.query(
    `WITH e AS (
       INSERT INTO tmf_events (event_id, event_type, domain, resource_name, resource_id, owner, event_time, payload)
       SELECT r -> 'event' ->> 'eventId', r -> 'event' ->> 'eventType', r -> 'event' ->> 'domain', r ->> 'resourceName',
              r ->> 'resourceId', r ->> 'owner', $2::timestamptz, r -> 'event'
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(r, n) ORDER BY x.n
       RETURNING seq, domain, owner, payload)
     ${DELIVERIES_SQL}`,
    [JSON.stringify(rows), now],
  );
  return rows.map((row) => row.event);
}
