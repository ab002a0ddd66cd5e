import type { FastifyInstance } from 'fastify';
import { currentUser } from '../../platform/auth/guard';
import type { Db } from '../../platform/db/db';
import { notFound } from '../../platform/http/errors';
import { pageOf } from '../../platform/tmf/projectedList';
import { parseListQuery, selectFields, sendPage } from '../../platform/tmf/listing';
import { findVisibleQuote, listVisibleQuotes } from './quoteStore';
import { QUOTE_BASE } from './quoteTypes';

/**
 * TMF648 Quote Management v4, read side: the quotes reps configure and price on their laptops
 * (pushed by sync) as Quote resources. Quotes are created and moved through their lifecycle in
 * the app (shared/machines/quote.machine.ts), so there is no POST or PATCH here.
 */
export function registerQuoteRoutes(app: FastifyInstance, db: Db): void {
  const base = `${QUOTE_BASE}/quote`;

  app.get(base, async (request, reply) => {
    const user = currentUser(request);
    const query = parseListQuery(request.query);
    const { total, page } = pageOf(await listVisibleQuotes(db, user), query);
    return sendPage(reply, total, page, query.fields);
  });

  app.get(`${base}/:id`, async (request) => {
    const user = currentUser(request);
    const { id } = request.params as { id: string };
    const quote = await findVisibleQuote(db, user, id);
    if (!quote) throw notFound(`No Quote with id ${id} that you may see`);
    return selectFields(quote, (request.query as Record<string, unknown>).fields);
  });
}
