import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_ATTACHMENT_BYTES } from '../../../../shared/orders/attachment';
import { isCollectionName, type CollectionName } from '../../../../shared/schemas';
import { DEVICE_HEADER, type PullResponse } from '../../../../shared/sync/protocol';
import { historyDeviceOf } from '../audit/historyStore';
import type { Db } from '../db/db';
import { currentUser } from '../auth/guard';
import { badRequest, notFound } from '../http/errors';
import { changeOf, pullDocs, toWire } from './docs';
import type { ChangeHub } from './hub';
import { countRemaining } from './pullRemaining';
import { parsePushBody } from './pushInput';
import { applyPush } from './pushBatch';
import type { CollectionRulesMap } from './rules';
import { assertMayPush } from './writeAccess';

export const DEFAULT_PULL_LIMIT = 100;
/** Large pages make a first sync of 60,000 documents a few dozen round-trips, not hundreds. */
export const MAX_PULL_LIMIT = 2000;
/** One attachment per push (the app pushes them one at a time): its base64 (4/3 of the file) and the document around it. */
export const ATTACHMENT_PUSH_BODY_LIMIT = Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 256 * 1024;

function collectionParam(params: unknown): CollectionName {
  const name = (params as { collection?: string }).collection ?? '';
  if (!isCollectionName(name)) throw notFound(`Unknown collection "${name}"; sync one of the app's collections`);
  return name;
}

function integerParam(query: Record<string, unknown>, name: string, fallback: number, min: number, max: number): number {
  const raw = query[name];
  if (raw === undefined || raw === '') return fallback;
  if (typeof raw !== 'string' || !/^\d{1,16}$/.test(raw)) {
    throw badRequest(`Query parameter ${name} must be a whole number from ${min} to ${max}`);
  }
  const value = Number(raw);
  if (value < min || value > max) throw badRequest(`Query parameter ${name} must be a whole number from ${min} to ${max}`);
  return value;
}

/** `rules`: each collection's push behaviour, wired by server.ts from the contexts' doors. */
export function registerSyncRoutes(app: FastifyInstance, db: Db, hub: ChangeHub, rules: CollectionRulesMap): void {
  app.get('/sync/:collection/pull', async (request): Promise<PullResponse<CollectionName>> => {
    const user = currentUser(request);
    const collection = collectionParam(request.params);
    const query = request.query as Record<string, unknown>;
    const since = integerParam(query, 'seq', 0, 0, Number.MAX_SAFE_INTEGER);
    const limit = integerParam(query, 'limit', DEFAULT_PULL_LIMIT, 1, MAX_PULL_LIMIT);
    const docs = await pullDocs(db, collection, user, since, limit);
    const last = docs[docs.length - 1];
    return {
      documents: docs.map(toWire) as unknown as PullResponse<CollectionName>['documents'],
      checkpoint: { seq: last ? last.seq : since },
      remaining: docs.length < limit || !last ? 0 : await countRemaining(db, collection, user, last.seq),
    };
  });

  const push = async (request: FastifyRequest, collection: CollectionName) => {
    const user = currentUser(request);
    assertMayPush(user, collection);
    const items = parsePushBody(collection, request.body);
    const onRowError = (error: unknown) => request.log.error({ err: error }, `a ${collection} push row failed`);
    const outcome = await applyPush(
      db,
      user,
      collection,
      items,
      rules[collection] ?? {},
      onRowError,
      historyDeviceOf(request.headers[DEVICE_HEADER]),
    );
    hub.publish(outcome.stored.map(changeOf));
    return outcome.response;
  };
  // A static route wins over the parametric one: only attachments' pushes may be this large.
  app.post('/sync/orderAttachments/push', { bodyLimit: ATTACHMENT_PUSH_BODY_LIMIT }, (request) => push(request, 'orderAttachments'));
  app.post('/sync/:collection/push', (request) => push(request, collectionParam(request.params)));
}
