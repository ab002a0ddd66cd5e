/**
 * TMF648 notifications for quotes changed through sync push (the rep's app): the `afterWrite`
 * rule of the `quotes` collection, in the push row's transaction. A quote is created on the
 * laptop, so its first accepted push is the QuoteCreateEvent; a new status is a state change,
 * any other difference in the Quote an attribute change (both when a push brings both).
 */
import type { QuoteDoc } from '../../../../shared/schemas';
import { recordEvent } from '../../platform/events/eventLog';
import { changedAttributes } from '../../platform/tmf/resourceChanges';
import type { StoredDoc } from '../../platform/sync/docs';
import type { CollectionRules, RowContext } from '../../platform/sync/rules';
import { prepareQuoteConfiguration } from './quoteConfiguration';
import { quoteOf } from './quoteStore';
import { QUOTE_DOMAIN, type Quote } from './quoteTypes';

type QuoteEventType = 'QuoteCreateEvent' | 'QuoteStateChangeEvent' | 'QuoteAttributeValueChangeEvent' | 'QuoteDeleteEvent';

async function record(
  ctx: RowContext,
  eventType: QuoteEventType,
  quote: Quote | undefined,
  owner: string | null,
  fieldPath?: string,
): Promise<void> {
  if (!quote) return;
  await recordEvent(ctx.tx, {
    eventType,
    domain: QUOTE_DOMAIN,
    resourceName: 'quote',
    resource: quote,
    owner,
    ...(fieldPath ? { fieldPath } : {}),
  });
}

async function announcePushedQuote(ctx: RowContext, stored: StoredDoc, master: StoredDoc | undefined): Promise<StoredDoc[]> {
  const masterLive = master !== undefined && !master.deleted;
  const after = await quoteOf(ctx.tx, stored.id);
  if (stored.deleted) {
    if (masterLive) await record(ctx, 'QuoteDeleteEvent', after, stored.owner);
    return [];
  }
  if (!masterLive) {
    await record(ctx, 'QuoteCreateEvent', after, stored.owner);
    return [];
  }
  if (master.data.status !== stored.data.status) await record(ctx, 'QuoteStateChangeEvent', after, stored.owner);
  const before = await quoteOf(ctx.tx, stored.id, master.data as unknown as QuoteDoc);
  const changed = before && after ? changedAttributes(before, after, ['state']) : [];
  if (changed.length > 0) await record(ctx, 'QuoteAttributeValueChangeEvent', after, stored.owner, changed.join(','));
  return [];
}

export const quoteRules: CollectionRules = { prepare: prepareQuoteConfiguration, afterWrite: announcePushedQuote };
