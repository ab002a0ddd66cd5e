import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/db';
import { apiError } from '../http/errors';
import { formParams, oauthError } from './oauthForm';
import { DESKTOP_CLIENT_ID, type TokenResponse } from '../../../../shared/sync/protocol';
import { currentUser } from './guard';
import { dummyPasswordHash, verifyPassword } from './passwords';
import { blockReason, recordSignInFailure, releaseSignIn, reserveSignIn, type SignInBlock, type SignInLimits } from './signInLimits';
import { registerRevokeRoute } from './revoke';
import { consumeRefreshToken, issueToken, newChainId } from './tokens';
import { findUserById, findUserByName, publicUser, type StoredUser } from './users';

const REFRESH_TTL_SECONDS = 30 * 24 * 3600;

export interface AuthOptions {
  tokenTtlSeconds: number;
  signInLimits: SignInLimits;
}

function required(params: Record<string, string>, name: string, grant: string): string {
  const value = params[name];
  if (!value) throw oauthError(400, 'invalid_request', `Missing ${name}: grant_type=${grant} needs ${name}`);
  return value;
}

/** RFC 6749 2.3.1: client credentials may also come as HTTP Basic. */
function basicClient(request: FastifyRequest): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
}

/** RFC 6585 429 with Retry-After; the TMF Error fields plus RFC 6749's, like every token error. */
function tooManyFailures(reply: FastifyReply, block: SignInBlock, username: string): Record<string, string> {
  const reason = blockReason(block, username);
  reply.code(429).header('Retry-After', String(block.retryAfterSeconds));
  return { ...apiError(429, 'too_many_requests', reason), error: 'too_many_requests', error_description: reason };
}

async function checkSecret(user: StoredUser | undefined, secret: string): Promise<boolean> {
  // Verify against a dummy hash for unknown users so timing does not reveal which names exist.
  const ok = await verifyPassword(secret, user?.passwordHash ?? (await dummyPasswordHash()));
  return ok && user !== undefined;
}

export function registerAuthRoutes(app: FastifyInstance, db: Db, options: AuthOptions): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(typeof body === 'string' ? body : body.toString('utf8'))));
  });

  app.get('/health', async () => ({ ok: true }));
  registerRevokeRoute(app, db);

  app.get('/me', async (request) => {
    const user = currentUser(request);
    // A manager of managers is the sales director (statusGate.ts actorOf): the laptop offers them the director's decisions.
    if (user.role !== 'manager') return publicUser(user);
    const below = await db.query<{ id: string }>("SELECT id FROM users WHERE manager_id = $1 AND role = 'manager' LIMIT 1", [user.id]);
    return below.length > 0 ? { ...publicUser(user), salesDirector: true } : publicUser(user);
  });

  /** `chainId`: the sign-in these tokens belong to (a refresh continues its chain). */
  const tokens = async (user: StoredUser, clientId: string, withRefresh: boolean, chainId = newChainId()): Promise<TokenResponse> => {
    const response: TokenResponse = {
      access_token: await issueToken(db, user.id, 'access', clientId, options.tokenTtlSeconds, chainId),
      token_type: 'Bearer',
      expires_in: options.tokenTtlSeconds,
    };
    if (withRefresh) response.refresh_token = await issueToken(db, user.id, 'refresh', clientId, REFRESH_TTL_SECONDS, chainId);
    return response;
  };

  const tokenDoc = {
    summary: 'OAuth 2.0 token endpoint (RFC 6749): password, client_credentials and refresh_token grants',
    requestBody: 'form' as const,
    responses: { 429: 'Too many failed sign-ins for this username or from this address; Retry-After says when to try again' },
  };
  app.post('/oauth/token', { config: { openapi: tokenDoc } }, async (request, reply) => {
    reply.header('Cache-Control', 'no-store').header('Pragma', 'no-cache');
    const params = formParams(request);
    const grant = params.grant_type;
    if (grant === 'password') {
      const clientId = required(params, 'client_id', grant);
      if (clientId !== DESKTOP_CLIENT_ID) {
        throw oauthError(401, 'invalid_client', `Unknown client_id "${clientId}"; the desktop app signs in as ${DESKTOP_CLIENT_ID}`);
      }
      const username = required(params, 'username', grant);
      const password = required(params, 'password', grant);
      // The attempt is counted before its password is looked at, so a burst cannot outrun the count.
      const block = await reserveSignIn(db, options.signInLimits, username, request.ip);
      if (block) return tooManyFailures(reply, block, username);
      const user = await findUserByName(db, username);
      const ok = await checkSecret(user, password);
      if (ok) await releaseSignIn(db, username, request.ip);
      else await recordSignInFailure(db, options.signInLimits, username, request.ip);
      if (!ok || !user || user.role === 'integration') {
        throw oauthError(400, 'invalid_grant', 'Wrong username or password');
      }
      return tokens(user, clientId, true);
    }
    if (grant === 'client_credentials') {
      const basic = basicClient(request);
      const clientId = basic?.id ?? required(params, 'client_id', grant);
      const secret = basic?.secret ?? required(params, 'client_secret', grant);
      const block = await reserveSignIn(db, options.signInLimits, clientId, request.ip);
      if (block) return tooManyFailures(reply, block, clientId);
      const client = await findUserByName(db, clientId);
      const ok = await checkSecret(client, secret);
      if (ok) await releaseSignIn(db, clientId, request.ip);
      else await recordSignInFailure(db, options.signInLimits, clientId, request.ip);
      if (!ok || !client || client.role !== 'integration') {
        throw oauthError(401, 'invalid_client', 'Wrong client_id or client_secret for an integration client');
      }
      return tokens(client, clientId, false);
    }
    if (grant === 'refresh_token') {
      const outcome = await consumeRefreshToken(db, required(params, 'refresh_token', grant));
      if (outcome.kind === 'reused') {
        app.sessionEnds.endChain(outcome.chainId);
        throw oauthError(
          400,
          'invalid_grant',
          'This refresh token was already used, so it may have been copied: every token of this sign-in is revoked; sign in again',
        );
      }
      const owner = outcome.kind === 'rotated' ? outcome.owner : undefined;
      const user = owner ? await findUserById(db, owner.userId) : undefined;
      // RFC 6749 6: a refresh token only works for the client it was issued to.
      const sameClient = params.client_id === undefined || params.client_id === owner?.clientId;
      if (!owner || !user || !sameClient) {
        throw oauthError(400, 'invalid_grant', 'The refresh token is unknown, expired or already used; sign in again');
      }
      return tokens(user, owner.clientId, true, owner.chainId);
    }
    throw oauthError(
      400,
      grant ? 'unsupported_grant_type' : 'invalid_request',
      grant
        ? `Unsupported grant_type "${grant}"; use password, client_credentials or refresh_token`
        : 'Missing grant_type; use password, client_credentials or refresh_token',
    );
  });
}
