import type { FastifyInstance } from 'fastify';

/** Methods whose requests carry no body in the TMF APIs (DELETE /x/{id}, GET, HEAD). */
const BODILESS = new Set(['DELETE', 'GET', 'HEAD']);

function hasNoBody(headers: Record<string, string | string[] | undefined>): boolean {
  const length = headers['content-length'];
  return headers['transfer-encoding'] === undefined && (length === undefined || length === '0');
}

/**
 * A DELETE (or GET) that labels its empty body `Content-Type: application/json` is valid HTTP
 * and many clients send it (Postman, the TM Forum CTKs, fetch wrappers that set the header
 * on every call). Without a body there is nothing to parse: the label is dropped before
 * Fastify's parser would refuse an empty JSON document with 400.
 */
export function installEmptyBodyTolerance(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (BODILESS.has(request.method) && request.headers['content-type'] !== undefined && hasNoBody(request.headers)) {
      delete request.headers['content-type'];
    }
  });
}
