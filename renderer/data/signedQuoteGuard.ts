/**
 * The laptop's half of "a signed quote version never changes": every write a rep makes through
 * the quotes collection (the editor, the conflict view, an Outbox discard) is checked against
 * the stored version before it is stored. Replication writes bypass collection hooks, so what the
 * central system sends is stored as it comes; it applies the same rule to every push.
 */
import type { RxCollection } from 'rxdb';
import { signedQuoteChangeRefusal } from '../../shared/quotes/quoteSignature';
import type { QuoteDoc } from '../../shared/schemas';

/** RxDB hands a hook the RxDocument (document API) or the plain stored data (incremental writes). */
type Stored = QuoteDoc | { toJSON(): unknown };
const plainOf = (stored: Stored): QuoteDoc =>
  ('toJSON' in stored && typeof stored.toJSON === 'function' ? stored.toJSON() : stored) as QuoteDoc;

export function guardSignedQuotes(quotes: RxCollection<QuoteDoc>): void {
  quotes.preSave((next, stored) => {
    const refusal = signedQuoteChangeRefusal(plainOf(stored as Stored), next);
    if (refusal !== null) throw new Error(refusal);
  }, false);
  quotes.preRemove((_data, stored) => {
    const refusal = signedQuoteChangeRefusal(plainOf(stored as Stored), undefined);
    if (refusal !== null) throw new Error(refusal);
  }, false);
}
