import type { FastifyInstance } from 'fastify';
import { isOwnedCollection } from '../../../shared/schemas';
import type { StreamChange } from '../../../shared/sync/protocol';
import type { Db } from '../db/db';
import { currentUser } from '../auth/guard';
import type { ChangeHub, DocChange } from './hub';
import { visibleOwners } from './scope';

export const KEEP_ALIVE_MS = 15_000;

/**
 * `GET /sync/stream`: server-sent events telling a signed-in user to pull again.
 * `hello` on connect, `change` {collection, seq} after each committed change the user may see,
 * a comment line every 15 s so proxies keep the connection open.
 */
export function registerStreamRoute(app: FastifyInstance, db: Db, hub: ChangeHub): void {
  const openStreams = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of [...openStreams]) end();
  });

  app.get('/sync/stream', async (request, reply) => {
    const user = currentUser(request);
    const owners = await visibleOwners(db, user);
    const seqRows = await db.query<{ seq: unknown }>('SELECT COALESCE(MAX(seq), 0) AS seq FROM sync_docs');
    const visible = (change: DocChange): boolean =>
      !isOwnedCollection(change.collection) || owners === null || (change.owner !== null && owners.has(change.owner));

    reply.hijack();
    const raw = reply.raw;
    // hijack bypasses Fastify's reply pipeline: carry over the headers hooks set (CORS).
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined) raw.setHeader(name, typeof value === 'number' ? String(value) : value);
    }
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    raw.write(`retry: 3000\nevent: hello\ndata: ${JSON.stringify({ userId: user.id, seq: Number(seqRows[0]?.seq ?? 0) })}\n\n`);

    const unsubscribe = hub.subscribe((change) => {
      if (!visible(change)) return;
      const data: StreamChange = { collection: change.collection, seq: change.seq };
      raw.write(`event: change\ndata: ${JSON.stringify(data)}\n\n`);
    });
    const keepAlive = setInterval(() => raw.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    const cleanUp = (): void => {
      clearInterval(keepAlive);
      unsubscribe();
      openStreams.delete(end);
    };
    const end = (): void => {
      cleanUp();
      raw.end();
    };
    openStreams.add(end);
    raw.on('close', cleanUp);
  });
}
