import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { currentUser } from '../auth/guard';
import type { Db } from '../db/db';
import { badRequest, HttpError, notFound } from '../http/errors';
import type { JsonObject } from '../json';
import { selectFields } from '../tmf/listing';
import type { CallbackAllowList } from './callbackAddress';
import { CallbackRefused, vetCallback } from './callbackTarget';
import { apiBase, EVENT_API_BASE, HUB_APIS } from './domains';
import { parseHubInput } from './hubInput';
import {
  countSubscriptions,
  deleteManageableSubscription,
  findManageableSubscription,
  insertSubscription,
  type EventSubscription,
} from './subscriptions';
import { topicExists } from './topics';

export interface HubOptions {
  /** Bounds the fan-out one account can cause. */
  maxSubscriptionsPerUser: number;
  /** Internal hosts callbacks may reach all the same (OUTPOST_HUB_ALLOWED_HOSTS). */
  allow: CallbackAllowList;
}

interface HubTarget {
  domain: string;
  /** Path of the hub collection, e.g. /tmf-api/productOrderingManagement/v4/hub. */
  path: string;
}

function idParam(request: FastifyRequest): string {
  return (request.params as { id: string }).id;
}

/**
 * The TMF hub pattern: `POST /hub` registers a listener (201 + Location), `DELETE /hub/{id}`
 * removes it (204); one hub per API base path. TMF688's per-topic hubs
 * (`/tmf-api/event/v4/topic/{domain}/hub`) are the same subscriptions and can also read one back.
 */
export function registerHubRoutes(app: FastifyInstance, db: Db, options: HubOptions): void {
  const create = async (target: HubTarget, request: FastifyRequest, reply: FastifyReply): Promise<EventSubscription> => {
    const user = currentUser(request);
    const input = parseHubInput(request.body);
    // Checked here so the subscriber hears why at once; delivery checks again after DNS.
    await vetCallback(new URL(input.callback), options.allow).catch((error: unknown) => {
      throw error instanceof CallbackRefused ? badRequest(error.message) : error;
    });
    if ((await countSubscriptions(db, user.id)) >= options.maxSubscriptionsPerUser) {
      throw new HttpError(
        409,
        'conflict',
        `You already have ${options.maxSubscriptionsPerUser} hub subscriptions; DELETE one you no longer need before adding another`,
      );
    }
    const subscription = await insertSubscription(db, user.id, { domain: target.domain, ...input });
    reply.code(201).header('Location', `${target.path}/${subscription.id}`);
    return subscription;
  };

  const read = async (target: HubTarget, request: FastifyRequest): Promise<JsonObject> => {
    const id = idParam(request);
    const stored = await findManageableSubscription(db, currentUser(request), target.domain, id);
    if (!stored) throw notFound(`No hub subscription ${id} of yours at ${target.path}`);
    return selectFields(stored.subscription, (request.query as Record<string, unknown>).fields);
  };

  const remove = async (target: HubTarget, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const id = idParam(request);
    if (!(await deleteManageableSubscription(db, currentUser(request), target.domain, id))) {
      throw notFound(`No hub subscription ${id} of yours at ${target.path}`);
    }
    return reply.code(204).send();
  };

  for (const { domain } of HUB_APIS) {
    const target: HubTarget = { domain, path: `${apiBase(domain)}/hub` };
    app.post(target.path, (request, reply) => create(target, request, reply));
    // No GET /hub/{id} here: the v4 APIs define only POST and DELETE; TMF688's topic hub reads it.
    app.delete(`${target.path}/:id`, (request, reply) => remove(target, request, reply));
  }

  const topicTarget = async (request: FastifyRequest): Promise<HubTarget> => {
    const { topicId } = request.params as { topicId: string };
    if (!(await topicExists(db, topicId))) throw notFound(`No topic ${topicId}; GET ${EVENT_API_BASE}/topic lists them`);
    return { domain: topicId, path: `${EVENT_API_BASE}/topic/${topicId}/hub` };
  };
  const topicHub = `${EVENT_API_BASE}/topic/:topicId/hub`;
  app.post(topicHub, async (request, reply) => create(await topicTarget(request), request, reply));
  app.get(`${topicHub}/:id`, async (request) => read(await topicTarget(request), request));
  app.delete(`${topicHub}/:id`, async (request, reply) => remove(await topicTarget(request), request, reply));
}
