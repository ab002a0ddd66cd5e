/**
 * Queues the acknowledgement email of a newly acknowledged order, in the transaction that
 * created it (order_acknowledgements, migration 450). The recipient is the customer account's
 * primary contact, else its first contact with an email; none: the row says so and nothing is sent.
 */
import type { Queryable } from '../../platform/db/db';
import { loadDoc } from '../../platform/sync/docs';
import type { ProductOrder } from '../productOrder/productOrderTypes';
import { acknowledgementMessage, customerPartyOf } from './acknowledgementMessage';

interface Contact {
  name?: string;
  email: string;
}

function contactOf(data: Record<string, unknown> | undefined): Contact | undefined {
  if (!data || typeof data.email !== 'string' || !data.email.includes('@')) return undefined;
  return { email: data.email, ...(typeof data.name === 'string' ? { name: data.name } : {}) };
}

/** The customer contact to email, read from the synced accounts and contacts. */
export async function customerContact(tx: Queryable, accountId: string): Promise<Contact | undefined> {
  const account = await loadDoc(tx, 'accounts', accountId);
  if (!account || account.deleted) return undefined;
  const primaryId = account.data.primaryContactId;
  if (typeof primaryId === 'string') {
    const primary = await loadDoc(tx, 'contacts', primaryId);
    const contact = primary && !primary.deleted ? contactOf(primary.data) : undefined;
    if (contact) return contact;
  }
  const rows = await tx.query<{ data: Record<string, unknown> }>(
    `SELECT data FROM sync_docs WHERE collection = 'contacts' AND NOT deleted AND data ->> 'accountId' = $1
        AND data ->> 'email' LIKE '%@%' ORDER BY seq LIMIT 1`,
    [accountId],
  );
  return contactOf(rows[0]?.data);
}

/** Only an order created `acknowledged` is acknowledged to the customer (a rejected one is not). */
export async function queueAcknowledgement(tx: Queryable, order: ProductOrder): Promise<void> {
  if (order.state !== 'acknowledged') return;
  const party = customerPartyOf(order);
  const contact = party ? await customerContact(tx, party.id) : undefined;
  const message = acknowledgementMessage(order, contact?.name);
  await tx.query(
    `INSERT INTO order_acknowledgements (order_id, recipient, subject, body) VALUES ($1, $2, $3, $4)
     ON CONFLICT (order_id) DO NOTHING`,
    [order.id, contact?.email ?? null, message.subject, message.text],
  );
}
