/**
 * TMF699 notifications for leads changed through sync push (the rep's app): the `afterWrite`
 * rule of the `leads` collection, in the push row's transaction. The status last announced is
 * kept in sales_leads, so each change is announced once, with its statusChangeDate.
 */
import type { Queryable } from '../db/db';
import { recordEvent } from '../events/eventLog';
import type { StoredDoc } from '../sync/docs';
import type { RowContext } from '../sync/rules';
import { salesLeadOf, trackedStatus, trackStatus } from './salesLeadStore';
import { SALES_DOMAIN } from './salesLeadTypes';

type SalesLeadEventType = 'SalesLeadCreateEvent' | 'SalesLeadStateChangeEvent' | 'SalesLeadDeleteEvent';

export async function recordSalesLeadEvent(tx: Queryable, eventType: SalesLeadEventType, id: string, owner: string | null): Promise<void> {
  const salesLead = await salesLeadOf(tx, id);
  if (!salesLead) return;
  await recordEvent(tx, { eventType, domain: SALES_DOMAIN, resourceName: 'salesLead', resource: salesLead, owner });
}

/** Create, state change or delete of a pushed lead; other edits announce nothing (yet). */
export async function announcePushedLead(ctx: RowContext, stored: StoredDoc, master: StoredDoc | undefined): Promise<StoredDoc[]> {
  const { tx } = ctx;
  const masterLive = master !== undefined && !master.deleted;
  if (stored.deleted) {
    if (masterLive) await recordSalesLeadEvent(tx, 'SalesLeadDeleteEvent', stored.id, stored.owner);
    return [];
  }
  const status = String(stored.data.status);
  const tracked = await trackedStatus(tx, stored.id);
  // Leads seeded or stored before tracking existed: the master tells what was announced.
  const previous = tracked?.status ?? (masterLive ? String(master.data.status) : undefined);
  if (previous === status) return [];
  await trackStatus(tx, stored.id, status, ctx.now);
  await recordSalesLeadEvent(tx, previous === undefined ? 'SalesLeadCreateEvent' : 'SalesLeadStateChangeEvent', stored.id, stored.owner);
  return [];
}
