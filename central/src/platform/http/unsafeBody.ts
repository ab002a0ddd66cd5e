import type { FastifyInstance } from 'fastify';
import { describeUnsafeText, unsafeTextProblems } from '../../../../shared/text/unsafeText';
import { badRequest } from './errors';

/** Routes that judge unsafe text row by row themselves (a bad row must not refuse the batch). */
const JUDGED_PER_ROW: ReadonlySet<string> = new Set(['/sync/:collection/push']);

const SHOWN_PROBLEMS = 5;

/**
 * NUL, control characters and lone surrogates (shared/text/unsafeText.ts) in any request body,
 * values or keys, are refused with the fields to fix before a handler runs: PostgreSQL jsonb
 * refuses some of them deep inside a write (a 500 before), and none of them is text anyone typed.
 */
export function installUnsafeTextCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined || request.body === null) return;
    if (JUDGED_PER_ROW.has(request.routeOptions.url ?? '')) return;
    const problems = unsafeTextProblems(request.body);
    if (problems.length === 0) return;
    const more = problems.length > SHOWN_PROBLEMS ? ` (and ${problems.length - SHOWN_PROBLEMS} more)` : '';
    throw badRequest(
      `The request body carries text that cannot be stored: ${describeUnsafeText(problems.slice(0, SHOWN_PROBLEMS))}${more}`,
    );
  });
}
