import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/db';
import type { JsonObject } from '../sync/json';

/**
 * TMF notification events (e.g. ProductOrderStateChangeEvent), recorded in the same
 * transaction as the change they describe, so the log never tells of a change that rolled
 * back. Delivery to /hub subscribers reads this log after commit.
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
  await tx.query(
    `INSERT INTO tmf_events (event_id, event_type, domain, resource_name, resource_id, owner, event_time, payload)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
    [event.eventId, event.eventType, event.domain, input.resourceName, input.resource.id, input.owner, now, JSON.stringify(event)],
  );
  return event;
}
