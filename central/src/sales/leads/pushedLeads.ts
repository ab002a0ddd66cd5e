/**
 * TMF699 notifications for a batch of pushed leads in a few statements: the same events as
 * announcePushedLead (salesLeadEvents.ts) gives row by row - create, state change, attribute
 * change, delete - with the tracking rows, so a 200-row push is not 1,000 round trips.
 */
import type { LeadDoc } from '../../../../shared/schemas';
import { recordEvents, type EventInput } from '../../platform/events/eventLog';
import type { RowContext, WrittenRow } from '../../platform/sync/rules';
import { changedAttributes } from '../../platform/tmf/resourceChanges';
import { duplicatesOfLeads, flagDuplicates, loadDedupIndex } from './leadDuplicates';
import { STATE_ATTRIBUTES } from './salesLeadEvents';
import { fromRow, trackingOf, trackStatuses, type LeadRow } from './salesLeadStore';
import { SALES_DOMAIN, type SalesLead } from './salesLeadTypes';

type SalesLeadEventType =
  'SalesLeadCreateEvent' | 'SalesLeadStateChangeEvent' | 'SalesLeadAttributeValueChangeEvent' | 'SalesLeadDeleteEvent';

function event(eventType: SalesLeadEventType, salesLead: SalesLead, owner: string | null, fieldPath?: string): EventInput {
  return { eventType, domain: SALES_DOMAIN, resourceName: 'salesLead', resource: salesLead, owner, ...(fieldPath ? { fieldPath } : {}) };
}

/**
 * The sales rep of each written lead by name: usually the pusher, but a manager's push stores a
 * lead for its rep (a reassignment gives it to another rep), and the SalesLead names that rep.
 */
async function ownerNames(ctx: RowContext, rows: readonly WrittenRow[]): Promise<Map<string, string>> {
  const names = new Map([[ctx.user.id, ctx.user.displayName]]);
  const others = [...new Set(rows.map((row) => row.stored.owner).filter((o): o is string => typeof o === 'string' && !names.has(o)))];
  if (others.length === 0) return names;
  const found = await ctx.tx.query<{ id: string; display_name: string }>('SELECT id, display_name FROM users WHERE id = ANY($1::text[])', [
    others,
  ]);
  for (const user of found) names.set(user.id, user.display_name);
  return names;
}

export async function announcePushedLeads(ctx: RowContext, rows: readonly WrittenRow[]): Promise<void> {
  // Read before the tracking rows move on: what subscribers last saw. The documents and their
  // owner (the pushing rep) are in memory already.
  const tracking = await trackingOf(
    ctx.tx,
    rows.map((row) => row.stored.id),
  );
  const names = await ownerNames(ctx, rows);
  const events: EventInput[] = [];
  const tracked: { id: string; status: string }[] = [];
  const created: LeadDoc[] = [];
  for (const { stored, master } of rows) {
    const owner = stored.owner ?? ctx.user.id;
    const row: LeadRow = {
      owner,
      display_name: names.get(owner) ?? null,
      data: stored.data as unknown as LeadDoc,
      ...(tracking.get(stored.id) ?? { tracked_status: null, status_changed_at: null, received: null }),
    };
    const masterLive = master !== undefined && !master.deleted;
    if (stored.deleted) {
      if (masterLive) events.push(event('SalesLeadDeleteEvent', fromRow(row), stored.owner));
      continue;
    }
    const before = masterLive ? fromRow({ ...row, data: master.data as unknown as LeadDoc }) : undefined;
    const status = String(stored.data.status);
    // Leads seeded or stored before tracking existed: the master tells what was announced.
    const previous = row.tracked_status ?? (masterLive ? String(master.data.status) : undefined);
    let after = fromRow(row);
    if (previous !== status) {
      tracked.push({ id: stored.id, status });
      after = fromRow({ ...row, tracked_status: status, status_changed_at: ctx.now });
      events.push(event(previous === undefined ? 'SalesLeadCreateEvent' : 'SalesLeadStateChangeEvent', after, stored.owner));
      if (previous === undefined) created.push(row.data);
    }
    if (before) {
      const changed = changedAttributes(before, after, STATE_ATTRIBUTES);
      if (changed.length > 0) events.push(event('SalesLeadAttributeValueChangeEvent', after, stored.owner, changed.join(',')));
    }
  }
  await trackStatuses(ctx.tx, tracked, ctx.now);
  // Seed 001's deduplication rule on leads new to the central system (the index holds them too; a lead never matches itself).
  if (created.length > 0) await flagDuplicates(ctx.tx, duplicatesOfLeads(await loadDedupIndex(ctx.tx), created));
  await recordEvents(ctx.tx, events);
}
