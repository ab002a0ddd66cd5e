import type { FastifyInstance } from 'fastify';

/**
 * Every answer of the API is personal or changes from one request to the next (pulls carry a
 * rep's contacts): no browser or proxy may keep a copy. Chromium's HTTP cache held pull
 * responses before this. The event stream writes its own headers (platform/sync/stream.ts).
 */
export const NO_STORE = 'no-store';

export function installNoStore(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('Cache-Control', NO_STORE);
    return payload;
  });
}
