import type { FastifyInstance } from 'fastify';
import {
  CARD_AUTHORISATION_PATH,
  judgeCardAuthorisation,
  type CardAuthorisationAnswer,
  type CardAuthorisationRequest,
} from '../../../../shared/orders/cardAuthorisation';
import type { Db } from '../../platform/db/db';
import { currentUser } from '../../platform/auth/guard';
import { HttpError, notFound } from '../../platform/http/errors';
import { loadDoc } from '../../platform/sync/docs';
import { insertAuthorisation } from './cardAuthorisationStore';

/**
 * `POST /payments/card-authorisations`: the simulated card authorisation. The card number and
 * security code are judged here and dropped; an approval stores its reference (brand, last four,
 * amount, expiry) for the order's ingest to re-check. A decline is an answer (200, `declined`
 * with what to do), not an error; a malformed request is 400 naming each field.
 */
export function registerCardAuthorisationRoutes(app: FastifyInstance, db: Db): void {
  app.post(
    CARD_AUTHORISATION_PATH,
    {
      config: {
        openapi: {
          summary: "Authorise a card for an order's grand total (simulated issuer); answers a reference, never keeps the card number",
          responses: { 201: 'Approved: the authorisation reference', 200: 'Declined, with what to do' },
        },
      },
    },
    async (request, reply): Promise<CardAuthorisationAnswer> => {
      const user = currentUser(request);
      const verdict = judgeCardAuthorisation(request.body, new Date());
      if (verdict.kind === 'invalid') {
        const fields = verdict.issues.map((issue) => issue.field).join(', ');
        const reason = `The card authorisation cannot be sent: ${verdict.issues.map((issue) => issue.message).join('; ')}`;
        throw new HttpError(400, 'invalid_request', reason, reason, { invalidFields: fields });
      }
      const body = request.body as CardAuthorisationRequest;
      // An order already here must be the caller's: nobody authorises a card against another rep's order.
      const order = await loadDoc(db, 'orders', body.orderId);
      if (order && order.owner !== user.id) throw notFound(`No order ${body.orderId} of yours; authorise a card for your own order`);
      if (verdict.kind === 'declined') {
        request.log.info({ orderId: body.orderId }, 'card authorisation declined');
        return { status: 'declined', reason: verdict.reason };
      }
      const stored = await insertAuthorisation(db, {
        orderId: body.orderId,
        owner: user.id,
        brand: verdict.brand,
        last4: verdict.last4,
        amount: body.amount,
        currency: body.currency,
        expiresAt: verdict.expiresAt.toISOString(),
      });
      request.log.info({ authorisationId: stored.id, orderId: stored.orderId }, 'card authorisation approved');
      reply.code(201);
      return {
        status: 'approved',
        id: stored.id,
        orderId: stored.orderId,
        brand: stored.brand,
        last4: stored.last4,
        amount: stored.amount,
        currency: stored.currency,
        expiresAt: stored.expiresAt,
      };
    },
  );
}
