import type { FastifyInstance } from 'fastify';
import { currentUser } from '../platform/auth/guard';
import type { Db } from '../platform/db/db';
import { notFound } from '../platform/http/errors';
import type { JsonObject } from '../platform/json';
import { getVisibleResource, putResource } from '../platform/tmf/resourceStore';
import { selectFields } from '../platform/tmf/listing';
import { CHECK_KIND, checkServiceQualification, SERVICE_QUALIFICATION_BASE } from './serviceQualification';

/**
 * TMF645 Service Qualification v4: POST checkServiceQualification (answered at once by the
 * simulated network inventory, kept for its asker) and GET it back by id.
 */
export function registerServiceQualificationRoutes(app: FastifyInstance, db: Db): void {
  const base = `${SERVICE_QUALIFICATION_BASE}/checkServiceQualification`;

  app.post(base, async (request, reply) => {
    const user = currentUser(request);
    const answer = checkServiceQualification(request.body, new Date());
    await db.transaction((tx) => putResource(tx, CHECK_KIND, String(answer.id), user.id, answer));
    reply.code(201).header('Location', String(answer.href));
    return answer;
  });

  app.get(`${base}/:id`, async (request) => {
    const user = currentUser(request);
    const { id } = request.params as { id: string };
    const found = await getVisibleResource<JsonObject>(db, user, CHECK_KIND, id);
    if (!found) throw notFound(`No CheckServiceQualification with id ${id} that you may see`);
    return selectFields(found, (request.query as Record<string, unknown>).fields);
  });
}
