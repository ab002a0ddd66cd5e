/**
 * TMF699 notifications for leads changed through sync push (the rep's app): the `afterWrite`
 * rule of the `leads` collection, in the push row's transaction. The status last announced is
 * kept in sales_leads, so each change is announced once, with its statusChangeDate.
 */
import type { LeadDoc } from '../../../../shared/schemas';
import type { Queryable } from '../../platform/db/db';
import { recordEvent } from '../../platform/events/eventLog';
import type { StoredDoc } from '../../platform/sync/docs';
import type { RowContext } from '../../platform/sync/rules';
import { changedAttributes } from '../../platform/tmf/resourceChanges';
import { salesLeadOf, trackedStatus, trackStatus } from './salesLeadStore';
import { SALES_DOMAIN, type SalesLead } from './salesLeadTypes';

type SalesLeadEventType =
  'SalesLeadCreateEvent' | 'SalesLeadStateChangeEvent' | 'SalesLeadAttributeValueChangeEvent' | 'SalesLeadDeleteEvent';

/** Announced by the state change event, so not attribute changes. */
export const STATE_ATTRIBUTES = ['status', 'statusChangeDate', 'statusChangeReason'];

export async function recordSalesLeadEvent(
  tx: Queryable,
  eventType: SalesLeadEventType,
  salesLead: SalesLead | undefined,
  owner: string | null,
  fieldPath?: string,
): Promise<void> {
  if (!salesLead) return;
  await recordEvent(tx, {
    eventType,
    domain: SALES_DOMAIN,
    resourceName: 'salesLead',
    resource: salesLead,
    owner,
    ...(fieldPath ? { fieldPath } : {}),
  });
}

/** Create, state change, attribute change or delete of a pushed lead. */
export async function announcePushedLead(ctx: RowContext, stored: StoredDoc, master: StoredDoc | undefined): Promise<StoredDoc[]> {
  const { tx } = ctx;
  const masterLive = master !== undefined && !master.deleted;
  if (stored.deleted) {
    if (masterLive) await recordSalesLeadEvent(tx, 'SalesLeadDeleteEvent', await salesLeadOf(tx, stored.id), stored.owner);
    return [];
  }
  // Read before the tracking row moves on: the SalesLead as subscribers last saw it.
  const before = masterLive ? await salesLeadOf(tx, stored.id, master.data as unknown as LeadDoc) : undefined;
  const status = String(stored.data.status);
  const tracked = await trackedStatus(tx, stored.id);
  // Leads seeded or stored before tracking existed: the master tells what was announced.
  const previous = tracked?.status ?? (masterLive ? String(master.data.status) : undefined);
  if (previous !== status) {
    await trackStatus(tx, stored.id, status, ctx.now);
    const eventType = previous === undefined ? 'SalesLeadCreateEvent' : 'SalesLeadStateChangeEvent';
    await recordSalesLeadEvent(tx, eventType, await salesLeadOf(tx, stored.id), stored.owner);
  }
  if (before) {
    const after = await salesLeadOf(tx, stored.id);
    const changed = after ? changedAttributes(before, after, STATE_ATTRIBUTES) : [];
    if (changed.length > 0) await recordSalesLeadEvent(tx, 'SalesLeadAttributeValueChangeEvent', after, stored.owner, changed.join(','));
  }
  return [];
}
