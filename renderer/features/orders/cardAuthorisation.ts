import { cardDigits, type CardEntry } from '../../../shared/orders/card';
import { CARD_AUTHORISATION_PATH, type CardAuthorisationAnswer } from '../../../shared/orders/cardAuthorisation';
import type { CentralClient } from '../../sync/centralClient';

/**
 * The one request that carries the card: straight to the central system's simulated
 * authorisation, never through the store, the outbox or sync. The answer holds only the reference.
 */
export function authoriseCard(
  central: CentralClient,
  orderId: string,
  card: CardEntry,
  total: { amount: number; currency: string },
): Promise<CardAuthorisationAnswer> {
  return central.json<CardAuthorisationAnswer>(CARD_AUTHORISATION_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ orderId, cardNumber: cardDigits(card.number), cardExpiry: card.expiry, cardCvc: card.cvc, ...total }),
  });
}
