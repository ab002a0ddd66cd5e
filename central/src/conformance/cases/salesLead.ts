/** TMF699 Sales: every SalesLead route's success and error answers against the v4 swagger. */
import { randomUUID } from 'node:crypto';
import { visionLeadBody } from '../../test/salesFixtures';
import { call, conforms, type Session } from '../session';
import type { CaseTable } from './types';

const SALES_LEAD = '/tmf-api/sales/v4/salesLead';

/** Posts the qualified Vision lead as the integration client, for alex, and returns it. */
async function createLead(session: Session): Promise<Record<string, unknown>> {
  const body = visionLeadBody({
    relatedParty: [...(visionLeadBody().relatedParty as unknown[]), { id: 'alex', role: 'salesRep', '@referredType': 'Individual' }],
  });
  return conforms(await call(session, 'POST', SALES_LEAD, { body }), SALES_LEAD, 201);
}

export const SALES_LEAD_CASES: CaseTable = {
  [`POST ${SALES_LEAD}`]: async ({ session, template }) => {
    conforms(await call(session, 'POST', SALES_LEAD, { body: visionLeadBody() }), template, 201);
    // Not qualified by any rule set: no rating or channel, still a SalesLead.
    const unqualified = visionLeadBody({
      characteristic: [
        { name: 'purchaseTimeframe', value: '6-12 months' },
        { name: 'budgetStatus', value: 'Pending' },
      ],
    });
    conforms(await call(session, 'POST', SALES_LEAD, { who: 'sam', body: unqualified }), template, 201);
    for (const bad of [
      {},
      [visionLeadBody()],
      visionLeadBody({ id: 'mine' }),
      visionLeadBody({ estimatedRevenue: { unit: 'EUR', value: 1 } }),
      '{"name": ',
    ]) {
      conforms(await call(session, 'POST', SALES_LEAD, { body: bad }), template, 400);
    }
    conforms(await call(session, 'POST', SALES_LEAD, { body: '<lead/>', contentType: 'application/xml' }), template, 415);
  },

  [`GET ${SALES_LEAD}`]: async ({ session, template }) => {
    await createLead(session);
    const list = conforms<unknown[]>(await call(session, 'GET', `${SALES_LEAD}?limit=5`), template, 200);
    if (list.length === 0) throw new Error('expected sales leads in the list');
    conforms(await call(session, 'GET', `${SALES_LEAD}?status=inProgress&offset=1&limit=2`), template, 200);
    conforms(await call(session, 'GET', `${SALES_LEAD}?fields=name,status`), template, 200, { fieldsSelected: true });
    conforms(await call(session, 'GET', SALES_LEAD, { who: 'alex' }), template, 200);
    conforms(await call(session, 'GET', `${SALES_LEAD}?limit=-1`), template, 400);
  },

  [`GET ${SALES_LEAD}/:id`]: async ({ session, template }) => {
    const lead = await createLead(session);
    conforms(await call(session, 'GET', `${SALES_LEAD}/${String(lead.id)}`, { who: 'alex' }), template, 200);
    // A lead typed on a laptop (seeded), read as a SalesLead.
    conforms(await call(session, 'GET', `${SALES_LEAD}/lead-sam-metro`, { who: 'morgan' }), template, 200);
    conforms(await call(session, 'GET', `${SALES_LEAD}/${String(lead.id)}?fields=status`), template, 200, { fieldsSelected: true });
    conforms(await call(session, 'GET', `${SALES_LEAD}/${String(lead.id)}`, { who: 'sam' }), template, 404);
    conforms(await call(session, 'GET', `${SALES_LEAD}/${randomUUID()}`), template, 404);
  },
};
