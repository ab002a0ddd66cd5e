import type { FastifyInstance } from 'fastify';
import type { SalesAgreement } from '../../../../shared/quotes/salesAgreement';
import { currentUser } from '../../platform/auth/guard';
import { ownerVisibleSql } from '../../platform/auth/scope';
import type { AuthUser } from '../../platform/auth/users';
import type { Db, Queryable } from '../../platform/db/db';
import { notFound } from '../../platform/http/errors';
import { parseListQuery, selectFields, sendPage } from '../../platform/tmf/listing';
import { pageOf } from '../../platform/tmf/projectedList';
import { offeringHref, quoteHref } from './quoteTypes';

export const AGREEMENT_BASE = '/tmf-api/agreementManagement/v4';

/** A TMF651 Agreement, as read here. */
export type Agreement = Record<string, unknown> & { id: string; href: string; '@type': 'Agreement' };

/**
 * The TMF651 Agreement of a sales agreement kept on an accepted quote version: the stored shape
 * is TMF651's already; the quote it came from and its account are related entities, and the
 * document's terms are a characteristic.
 */
function toAgreement(stored: SalesAgreement): Agreement {
  const { accountId, quoteId, quoteVersion, terms, agreementItem, ...rest } = stored;
  return {
    ...rest,
    href: `${AGREEMENT_BASE}/agreement/${stored.id}`,
    '@type': 'Agreement',
    agreementItem: agreementItem.map((item) => ({
      ...item,
      productOffering: item.productOffering.map((offering) => ({ ...offering, href: offeringHref(offering.id) })),
    })),
    characteristic: [{ name: 'terms', valueType: 'array', value: terms }],
    relatedEntity: [
      { id: quoteId, href: quoteHref(quoteId), role: `quote version ${quoteVersion}`, '@referredType': 'Quote' },
      { id: accountId, role: 'customer account', '@referredType': 'Organization' },
    ],
  };
}

/** Every agreement on an accepted quote the user may see (owner, their managers, integration clients), oldest first. */
async function visibleAgreements(db: Queryable, user: AuthUser, id?: string): Promise<Agreement[]> {
  const scope = ownerVisibleSql(user, 'q.owner', 1);
  const params: string[] = scope === 'TRUE' ? [] : [user.id];
  const byId = id === undefined ? '' : `AND q.data -> 'agreement' ->> 'id' = $${params.push(id)}`;
  const rows = await db.query<{ agreement: SalesAgreement }>(
    `SELECT q.data -> 'agreement' AS agreement FROM sync_docs q
      WHERE q.collection = 'quotes' AND NOT q.deleted AND q.data -> 'agreement' IS NOT NULL AND ${scope} ${byId}
      ORDER BY q.data -> 'agreement' ->> 'initialDate', q.id`,
    params,
  );
  return rows.map((row) => toAgreement(row.agreement));
}

/**
 * TMF651 Agreement Management v4, read side: the sales agreements reps' accepted, signed quotes
 * became on their laptops (kept on the quote version, pushed by sync). Made in the app only, so
 * there is no POST or PATCH here.
 */
export function registerAgreementRoutes(app: FastifyInstance, db: Db): void {
  const base = `${AGREEMENT_BASE}/agreement`;

  app.get(base, async (request, reply) => {
    const query = parseListQuery(request.query);
    const { total, page } = pageOf(await visibleAgreements(db, currentUser(request)), query);
    return sendPage(reply, total, page, query.fields);
  });

  app.get(`${base}/:id`, async (request) => {
    const { id } = request.params as { id: string };
    const [agreement] = await visibleAgreements(db, currentUser(request), id);
    if (!agreement) throw notFound(`No Agreement with id ${id} that you may see`);
    return selectFields(agreement, (request.query as Record<string, unknown>).fields);
  });
}
