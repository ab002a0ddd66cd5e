import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/db';
import { SYNC_PATHS } from '../../../../shared/sync/protocol';
import { formParams, oauthError } from './oauthForm';
import { revokeChain } from './tokens';

/**
 * RFC 7009 token revocation, the server side of signing out: `token` (access or refresh; the
 * `token_type_hint` is not needed, every kind is searched) ends its whole chain, the refresh
 * token and every access token of that sign-in. 200 also for an unknown or already revoked
 * token (RFC 7009 2.2), so a retry after a lost answer is harmless. Public like /oauth/token:
 * the token itself is the credential, and the app may sign out with an expired access token.
 */
export function registerRevokeRoute(app: FastifyInstance, db: Db): void {
  const doc = {
    summary: 'OAuth 2.0 token revocation (RFC 7009): ends the sign-in the token belongs to, its refresh and access tokens',
    requestBody: 'form' as const,
    responses: { 200: 'Revoked, or the token was unknown already' },
  };
  app.post(SYNC_PATHS.revoke, { config: { openapi: doc } }, async (request, reply) => {
    reply.header('Cache-Control', 'no-store').header('Pragma', 'no-cache');
    if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers['content-type'] ?? '')) {
      throw oauthError(400, 'invalid_request', 'Send the revocation request as application/x-www-form-urlencoded (RFC 7009): token=...');
    }
    const params = formParams(request, 'the revocation request');
    const token = params.token;
    if (!token) throw oauthError(400, 'invalid_request', 'Missing token: send token=<the refresh or access token> (RFC 7009)');
    const outcome = await revokeChain(db, token, params.client_id || undefined);
    if (outcome.kind === 'other client') {
      throw oauthError(
        400,
        'invalid_request',
        `This token was not issued to client_id "${params.client_id}"; revoke it as the client that received it`,
      );
    }
    // Its open event streams end now, not when their access token would have expired.
    if (outcome.kind === 'revoked') app.sessionEnds.endChain(outcome.chainId);
    return reply.code(200).send();
  });
}
