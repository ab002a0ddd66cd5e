import type { CollectionDocs, RepWritableCollectionName } from '../../../shared/schemas';
import type { Route } from '../../app/navigation';
import { quoteTitle } from '../quotes/quoteTitle';

/** A record type in words, as the outbox names it. */
export const RECORD_TYPES: Record<RepWritableCollectionName, string> = {
  leads: 'Lead',
  accounts: 'Account',
  contacts: 'Contact',
  opportunities: 'Opportunity',
  quotes: 'Quote',
  orders: 'Order',
  orderAttachments: 'Order attachment',
};

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.trim() !== '' ? value : fallback;
}

/** A human title for a record: the company, the name, "Acme — quote v2", "Order for Acme". */
export function recordTitle(
  collection: RepWritableCollectionName,
  doc: Record<string, unknown>,
  accountNames: ReadonlyMap<string, string>,
): string {
  const account = typeof doc['accountId'] === 'string' ? accountNames.get(doc['accountId']) : undefined;
  switch (collection) {
    case 'leads':
      return text(doc['company'], 'Unnamed lead');
    case 'accounts':
    case 'contacts':
    case 'opportunities':
      return text(doc['name'], `Unnamed ${RECORD_TYPES[collection].toLowerCase()}`);
    case 'quotes':
      return quoteTitle({ version: typeof doc['version'] === 'number' ? doc['version'] : 1 }, account);
    case 'orders':
      return `Order for ${text(doc['accountName'], account ?? 'an unnamed account')}`;
    case 'orderAttachments':
      return `Attachment ${text(doc['fileName'], 'without a name')}`;
  }
}

/** The screen that shows (and fixes) a record; accounts and contacts are shown on their opportunity. */
export function recordRoute(collection: RepWritableCollectionName, id: string): Route | null {
  switch (collection) {
    case 'leads':
      return { page: 'lead', id };
    case 'opportunities':
      return { page: 'opportunity', id };
    case 'quotes':
      return { page: 'quote', id };
    case 'orders':
      return { page: 'order', id };
    default:
      return null;
  }
}

export type AnyOwnedDoc = CollectionDocs[RepWritableCollectionName];
