import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/db';
import type { EventInput, TmfEvent } from '../events/eventLog';

/**
 * Many TMF events in two statements, for a push batch: the same events, log rows and hub
 * deliveries as events/eventLog.ts recordEvent writes one by one (one round trip each would
 * cap push throughput). Keep the delivery rule in step with enqueueDeliveries there.
 */
export async function recordEvents(tx: Queryable, inputs: readonly EventInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const now = new Date().toISOString();
  const rows = inputs.map((input) => {
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
    return { event, resourceName: input.resourceName, resourceId: input.resource.id, owner: input.owner };
  });
  const inserted = await tx.query<{ seq: unknown }>(
    `INSERT INTO tmf_events (event_id, event_type, domain, resource_name, resource_id, owner, event_time, payload)
     SELECT r -> 'event' ->> 'eventId', r -> 'event' ->> 'eventType', r -> 'event' ->> 'domain', r ->> 'resourceName',
            r ->> 'resourceId', r ->> 'owner', $2::timestamptz, r -> 'event'
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(r, n) ORDER BY x.n
     RETURNING seq`,
    [JSON.stringify(rows), now],
  );
  await tx.query(
    `INSERT INTO event_deliveries (subscription_id, event_seq)
     SELECT s.id, e.seq
       FROM tmf_events e
       JOIN event_subscriptions s ON s.domain = e.domain
       JOIN users u ON u.id = s.subscriber
      WHERE e.seq = ANY($1::bigint[])
        AND (e.owner IS NULL OR u.role IN ('admin', 'integration') OR u.id = e.owner
             OR u.id = (SELECT manager_id FROM users WHERE id = e.owner))
        AND NOT EXISTS (
          SELECT 1 FROM jsonb_array_elements(s.filter) AS clause(alternatives)
           WHERE NOT EXISTS (
             SELECT 1 FROM jsonb_array_elements(clause.alternatives) AS alternative(value)
              WHERE e.payload @> alternative.value))`,
    [inserted.map((row) => String(row.seq))],
  );
}
