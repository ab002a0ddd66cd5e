import type { FastifyInstance, FastifyRequest } from 'fastify';
import { currentUser } from '../platform/auth/guard';
import type { AuthUser } from '../platform/auth/users';
import type { Db } from '../platform/db/db';
import { forbidden, notFound } from '../platform/http/errors';
import type { ChangeHub } from '../platform/sync/hub';
import { parseListQuery, selectFields, sendPage } from '../platform/tmf/listing';
import { getResource, getVisibleResource, listVisibleResources } from '../platform/tmf/resourceStore';
import { CATALOG_BASE, CATALOG_RESOURCES, TYPE_NAMES, type CatalogResource, type CatalogResourceName } from './catalogTypes';
import { createCatalogResource, deleteCatalogResource, patchCatalogResource, type CatalogWrite } from './catalogWrite';

/** The catalog is maintained centrally by administrators; everyone signed in reads it. */
function requireAdmin(request: FastifyRequest, kind: CatalogResourceName): AuthUser {
  const user = currentUser(request);
  if (user.role !== 'admin') {
    throw forbidden(
      `Only administrators change the product catalog (${TYPE_NAMES[kind]}); you are signed in with the ${user.role} role. Reps receive catalog changes by sync`,
    );
  }
  return user;
}

const MERGE_PATCH = 'application/merge-patch+json';

function idParam(request: FastifyRequest): string {
  return (request.params as { id: string }).id;
}

/** The catalog is public to signed-in users, so an unknown id is a 404 whoever asks to change it. */
async function existingId(db: Db, request: FastifyRequest, kind: CatalogResourceName): Promise<string> {
  const id = idParam(request);
  if (!(await getResource(db, kind, id)))
    throw notFound(`No ${TYPE_NAMES[kind]} with id ${id}; list them with GET ${CATALOG_BASE}/${kind}`);
  return id;
}

/**
 * TMF620 Product Catalog Management v4: GET (list and by id), POST, PATCH and DELETE for
 * productOffering, productSpecification, productOfferingPrice, category and catalog.
 */
export function registerCatalogRoutes(app: FastifyInstance, db: Db, hub: ChangeHub): void {
  void app.register(async (scope) => {
    // v4 PATCH bodies are partial JSON resources; also accept them labelled as merge patches (RFC 7396).
    if (!scope.hasContentTypeParser(MERGE_PATCH)) {
      scope.addContentTypeParser(MERGE_PATCH, { parseAs: 'string' }, scope.getDefaultJsonParser('error', 'error'));
    }

    const committed = (result: CatalogWrite): CatalogResource => {
      // After commit only: a connected app then pulls the changed offerings at once.
      hub.publish(result.changes);
      return result.resource;
    };

    for (const kind of CATALOG_RESOURCES) {
      const path = `${CATALOG_BASE}/${kind}`;

      scope.get(path, async (request, reply) => {
        const user = currentUser(request);
        const query = parseListQuery(request.query);
        const { total, resources } = await listVisibleResources<CatalogResource>(db, user, kind, query.filters, query.offset, query.limit);
        return sendPage(reply, total, resources, query.fields);
      });

      scope.get(`${path}/:id`, async (request) => {
        const user = currentUser(request);
        const id = idParam(request);
        const resource = await getVisibleResource<CatalogResource>(db, user, kind, id);
        if (!resource) throw notFound(`No ${TYPE_NAMES[kind]} with id ${id}; list them with GET ${path}`);
        return selectFields(resource, (request.query as Record<string, unknown>).fields);
      });

      scope.post(path, async (request, reply) => {
        requireAdmin(request, kind);
        const resource = committed(await createCatalogResource(db, kind, request.body));
        reply.code(201).header('Location', resource.href);
        return resource;
      });

      scope.patch(`${path}/:id`, async (request) => {
        const id = await existingId(db, request, kind);
        requireAdmin(request, kind);
        return committed(await patchCatalogResource(db, kind, id, request.body));
      });

      scope.delete(`${path}/:id`, async (request, reply) => {
        const id = await existingId(db, request, kind);
        requireAdmin(request, kind);
        committed(await deleteCatalogResource(db, kind, id));
        return reply.code(204).send();
      });
    }
  });
}
