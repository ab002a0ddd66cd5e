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

export async function recordEvent(tx: Queryable, input: EventInput): Promise<TmfEvent> {
  const now = new Date().toISOString();
  const event: TmfEvent = {
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
  const rows = await tx.query<{ seq: unknown }>(
    `INSERT INTO tmf_events (event_id, event_type, domain, resource_name, resource_id, owner, event_time, payload)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb) RETURNING seq`,
    [event.eventId, event.eventType, event.domain, input.resourceName, input.resource.id, input.owner, now, JSON.stringify(event)],
  );
  await enqueueDeliveries(tx, rows[0]?.seq);
  return event;
}

/**
 * Queues the event for every hub subscription of its domain whose query it matches and whose
 * subscriber may see it (the rules of sync/scope.ts: owner null = everyone, admins and
 * integration clients all, a manager their reps', a rep their own). Done in the event's own
 * transaction rather than by a reader following the log: sequence numbers are drawn before
 * commit, so a log reader could pass an event whose transaction commits late and lose it.
 */
async function enqueueDeliveries(tx: Queryable, seq: unknown): Promise<void> {
  await tx.query(
    `INSERT INTO event_deliveries (subscription_id, event_seq)
     SELECT s.id, e.seq
       FROM tmf_events e
       JOIN event_subscriptions s ON s.domain = e.domain
       JOIN users u ON u.id = s.subscriber
      WHERE e.seq = $1
        AND (e.owner IS NULL OR u.role IN ('admin', 'integration') OR u.id = e.owner
             OR u.id = (SELECT manager_id FROM users WHERE id = e.owner))
        AND NOT EXISTS (
          SELECT 1 FROM jsonb_array_elements(s.filter) AS clause(alternatives)
           WHERE NOT EXISTS (
             SELECT 1 FROM jsonb_array_elements(clause.alternatives) AS alternative(value)
              WHERE e.payload @> alternative.value))`,
    [seq],
  );
}
