import type { FastifyInstance } from 'fastify';
import { badRequest } from './errors';

/**
 * Deeper than any document or TMF resource the central system exchanges (those stay under 20),
 * shallow enough that every recursive walk (JSON.stringify, schema checks, jsonb) is safe.
 */
export const MAX_BODY_DEPTH = 64;

/** Nesting depth of a parsed JSON value, measured without recursion, stopping past `limit`. */
export function exceedsDepth(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(node)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * A 1 MiB body can nest thousands of levels (`[[[[...]]]]`), which JSON.parse accepts but the
 * first recursive walk over it overflows the stack: a 500 for a client's mistake. Refused here,
 * before any handler sees it (found by central/src/conformance/hostile.property.test.ts).
 */
export function installBodyDepthLimit(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (exceedsDepth(request.body, MAX_BODY_DEPTH)) {
      throw badRequest(`The JSON body is nested more than ${MAX_BODY_DEPTH} levels deep; send flatter documents`);
    }
  });
}
