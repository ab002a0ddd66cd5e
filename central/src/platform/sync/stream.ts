import type { FastifyInstance } from 'fastify';
import { isOwnedCollection } from '../../../../shared/schemas';
import { DEFAULT_STREAM_HEARTBEAT_MS, DEVICE_HEADER, type StreamChange, type StreamHello } from '../../../../shared/sync/protocol';
import type { Db } from '../db/db';
import { currentUser } from '../auth/guard';
import type { SessionEndReason } from '../auth/sessionEnds';
import type { ChangeHub, DocChange } from './hub';
import { visibleOwners } from '../auth/scope';

export interface StreamOptions {
  /** Time between `heartbeat` events; default DEFAULT_STREAM_HEARTBEAT_MS (OUTPOST_STREAM_HEARTBEAT_MS). */
  heartbeatMs?: number;
}

/** setTimeout fires at once beyond this (about 24.8 days), and tokens may live longer. */
const MAX_TIMER_MS = 2_147_483_647;

export function resolveHeartbeatMs(value: number | undefined): number {
  if (value === undefined) return DEFAULT_STREAM_HEARTBEAT_MS;
  if (!Number.isSafeInteger(value) || value < 100 || value > 600_000) {
    throw new Error(`The stream heartbeat must be a whole number of milliseconds from 100 to 600000, got ${value}`);
  }
  return value;
}

/**
 * `GET /sync/stream`: server-sent events telling a signed-in user to pull again.
 * `hello` {userId, seq, heartbeatMs} on connect, `change` {collection, seq} after each committed
 * change the user may see, `heartbeat` {at} every heartbeatMs so the app can tell a silent
 * stream from a dead one (and proxies keep it open). The stream ends when its access token
 * expires: it was the credential, and the app reconnects with a refreshed one. It ends at once
 * when its sign-in is revoked (sign-out, refresh-token reuse) or a wipe of its user or device is
 * asked for (`end` {reason} first), see auth/sessionEnds.ts.
 */
export function registerStreamRoute(app: FastifyInstance, db: Db, hub: ChangeHub, options: StreamOptions = {}): void {
  const heartbeatMs = resolveHeartbeatMs(options.heartbeatMs);
  const openStreams = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of [...openStreams]) end();
  });

  app.get('/sync/stream', async (request, reply) => {
    const user = currentUser(request);
    const expiresAt = request.tokenExpiresAt ?? Date.now();
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
      // no-store: nothing on the way may keep a copy of a user's change feed.
      'cache-control': 'no-store, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const hello: StreamHello = { userId: user.id, seq: Number(seqRows[0]?.seq ?? 0), heartbeatMs };
    raw.write(`retry: 3000\nevent: hello\ndata: ${JSON.stringify(hello)}\n\n`);

    const unsubscribe = hub.subscribe((change) => {
      if (!visible(change)) return;
      const data: StreamChange = { collection: change.collection, seq: change.seq };
      raw.write(`event: change\ndata: ${JSON.stringify(data)}\n\n`);
    });
    const heartbeat = setInterval(
      () => raw.write(`event: heartbeat\ndata: ${JSON.stringify({ at: new Date().toISOString() })}\n\n`),
      heartbeatMs,
    );
    let expiry: NodeJS.Timeout | undefined;
    let unwatch = (): void => {};
    const cleanUp = (): void => {
      clearInterval(heartbeat);
      clearTimeout(expiry);
      unsubscribe();
      unwatch();
      openStreams.delete(end);
    };
    const end = (): void => {
      cleanUp();
      raw.end();
    };
    const endAtExpiry = (): void => {
      const left = expiresAt - Date.now();
      if (left > 0) {
        expiry = setTimeout(endAtExpiry, Math.min(left, MAX_TIMER_MS));
        return;
      }
      raw.write(': the access token expired; reconnect with a refreshed one\n\n');
      end();
    };
    const device = request.headers[DEVICE_HEADER];
    const endFor = (reason: SessionEndReason): void => {
      raw.write(`event: end\ndata: ${JSON.stringify({ reason })}\n\n`);
      end();
    };
    const chainId = request.tokenChainId ?? '';
    unwatch = app.sessionEnds.watch({ chainId, userId: user.id, ...(typeof device === 'string' ? { deviceId: device } : {}) }, endFor);
    openStreams.add(end);
    raw.on('close', cleanUp);
    endAtExpiry();
    // A revocation between the token check and the watch above: the watch would never hear of it.
    const live = await db.query(`SELECT 1 FROM tokens WHERE chain_id = $1 AND kind = 'access' AND expires_at > now() LIMIT 1`, [chainId]);
    if (live.length === 0 && openStreams.has(end)) endFor('revoked');
  });
}
