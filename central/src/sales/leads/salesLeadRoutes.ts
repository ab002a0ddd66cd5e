import type { FastifyInstance } from 'fastify';
import { newId } from '../../../../shared/ids';
import { currentUser } from '../../platform/auth/guard';
import { takeWriteLock, type Db } from '../../platform/db/db';
import { recordEvent } from '../../platform/events/eventLog';
import { notFound } from '../../platform/http/errors';
import { changeOf, writeDoc } from '../../platform/sync/docs';
import type { ChangeHub } from '../../platform/sync/hub';
import type { JsonObject } from '../../platform/json';
import { parseListQuery, selectFields, sendPage } from '../../platform/tmf/listing';
import { pageOf } from '../../platform/tmf/projectedList';
import { parseSalesLeadCreate } from './salesLeadInput';
import { duplicatesOfLeads, flagDuplicates, loadDedupIndex } from './leadDuplicates';
import { loadRuleSets, processNewLead } from './salesLeadProcessing';
import { toSalesLead } from './salesLeadProjection';
import { assignRep } from './salesLeadRouting';
import { findVisibleSalesLead, listVisibleSalesLeads, trackStatus } from './salesLeadStore';
import { SALES_BASE, SALES_DOMAIN } from './salesLeadTypes';

/**
 * TMF699 Sales v4: POST (a lead from a web form, a partner, a campaign...), GET list and GET by id.
 * A received lead is processed like a lead typed on a laptop and stored as a `leads` document of
 * the rep it is assigned to, who gets it by sync at once.
 */
export function registerSalesLeadRoutes(app: FastifyInstance, db: Db, hub: ChangeHub): void {
  const base = `${SALES_BASE}/salesLead`;

  app.post(base, async (request, reply) => {
    const user = currentUser(request);
    const intake = parseSalesLeadCreate(request.body);
    const id = newId();
    const now = new Date().toISOString();
    const { salesLead, stored } = await db.transaction(async (tx) => {
      // Before counting open leads, so concurrent leads are spread over the reps.
      await takeWriteLock(tx);
      const rep = await assignRep(tx, user, intake.salesRep);
      const lead = processNewLead({ id, owner: rep.id, fields: intake.fields, now }, await loadRuleSets(tx));
      // Seed 001: checked against what is stored before it is added (flagged, not refused).
      const duplicates = duplicatesOfLeads(await loadDedupIndex(tx), [lead]).get(id) ?? [];
      const written = await writeDoc(tx, { collection: 'leads', id, owner: rep.id, deleted: false, data: lead as unknown as JsonObject });
      await trackStatus(tx, id, lead.status, now, intake.received);
      if (duplicates.length > 0) await flagDuplicates(tx, new Map([[id, duplicates]]));
      const created = toSalesLead(lead, rep, { status: lead.status, statusChangedAt: now, received: intake.received, duplicates });
      await recordEvent(tx, {
        eventType: 'SalesLeadCreateEvent',
        domain: SALES_DOMAIN,
        resourceName: 'salesLead',
        resource: created,
        owner: rep.id,
      });
      return { salesLead: created, stored: written };
    });
    hub.publish([changeOf(stored)]);
    reply.code(201).header('Location', salesLead.href);
    return salesLead;
  });

  app.get(base, async (request, reply) => {
    const user = currentUser(request);
    const query = parseListQuery(request.query);
    const { total, page } = pageOf(await listVisibleSalesLeads(db, user), query);
    return sendPage(reply, total, page, query.fields);
  });

  app.get(`${base}/:id`, async (request) => {
    const user = currentUser(request);
    const { id } = request.params as { id: string };
    const salesLead = await findVisibleSalesLead(db, user, id);
    if (!salesLead) throw notFound(`No SalesLead with id ${id} that you may see`);
    return selectFields(salesLead, (request.query as Record<string, unknown>).fields);
  });
}
