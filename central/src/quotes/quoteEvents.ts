/**
 * TMF648 notifications for quotes changed through sync push (the rep's app): the `afterWrite`
 * rule of the `quotes` collection, in the push row's transaction. A quote is created on the
 * laptop, so its first accepted push is the QuoteCreateEvent; a new status is a state change.
 */
import { recordEvent } from '../events/eventLog';
import type { StoredDoc } from '../sync/docs';
import type { CollectionRules, RowContext } from '../sync/rules';
import { quoteOf } from './quoteStore';
import { QUOTE_DOMAIN } from './quoteTypes';

type QuoteEventType = 'QuoteCreateEvent' | 'QuoteStateChangeEvent' | 'QuoteDeleteEvent';

function eventTypeOf(stored: StoredDoc, master: StoredDoc | undefined): QuoteEventType | undefined {
  const masterLive = master !== undefined && !master.deleted;
  if (stored.deleted) return masterLive ? 'QuoteDeleteEvent' : undefined;
  if (!masterLive) return 'QuoteCreateEvent';
  return master.data.status !== stored.data.status ? 'QuoteStateChangeEvent' : undefined;
}

async function announcePushedQuote(ctx: RowContext, stored: StoredDoc, master: StoredDoc | undefined): Promise<StoredDoc[]> {
  const eventType = eventTypeOf(stored, master);
  if (eventType === undefined) return [];
  const quote = await quoteOf(ctx.tx, stored.id);
  if (quote) await recordEvent(ctx.tx, { eventType, domain: QUOTE_DOMAIN, resourceName: 'quote', resource: quote, owner: stored.owner });
  return [];
}

export const quoteRules: CollectionRules = { afterWrite: announcePushedQuote };
