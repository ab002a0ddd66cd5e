import type { FastifyInstance, FastifyRequest } from 'fastify';
import { toIso, type Db } from '../db/db';
import { unauthorized } from '../http/errors';
import type { Role } from '../../../../shared/sync/protocol';
import { hashToken } from './tokens';
import type { AuthUser } from './users';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the bearer-token hook on every route outside PUBLIC_PATHS. */
    user: AuthUser | null;
    /** When the request's access token expires (epoch ms): long-lived answers (the stream) end there. */
    tokenExpiresAt: number | null;
    /** The sign-in (token chain) of the request's access token: revoking it ends the request's stream. */
    tokenChainId: string | null;
  }
}

/** Routes reachable without a token (the service's OpenAPI document among them). */
const PUBLIC_PATHS = new Set(['/health', '/oauth/token', '/oauth/revoke', '/openapi.json']);

/** The updates feed: the desktop's updater (main process) has no rep's token. */
const PUBLIC_PREFIXES = ['/updates/'];

export function isPublicPath(path: string): boolean {
  return PUBLIC_PATHS.has(path) || PUBLIC_PREFIXES.some((prefix) => path.startsWith(prefix));
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header);
  return match?.[1];
}

interface TokenUserRow extends Record<string, unknown> {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  manager_id: string | null;
  expires_at: unknown;
  chain_id: string;
}

/** Every route but the public ones requires a live access token (RFC 6750 Bearer). */
export function installBearerAuth(app: FastifyInstance, db: Db): void {
  app.decorateRequest('user', null);
  app.decorateRequest('tokenExpiresAt', null);
  app.decorateRequest('tokenChainId', null);
  app.addHook('onRequest', async (request) => {
    // Preflights carry no credentials; CORS answers them before this hook matters.
    if (request.method === 'OPTIONS') return;
    const path = request.url.split('?')[0] ?? '';
    if (isPublicPath(path)) return;
    const token = bearerToken(request);
    if (!token) throw unauthorized('Missing bearer token; send "Authorization: Bearer <access_token>" from POST /oauth/token');
    const rows = await db.query<TokenUserRow>(
      `SELECT u.id, u.username, u.display_name, u.role, u.manager_id, t.expires_at, t.chain_id
         FROM tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.kind = 'access' AND t.expires_at > now()`,
      [hashToken(token)],
    );
    const row = rows[0];
    if (!row) throw unauthorized('The access token is unknown or expired; refresh it or sign in again');
    request.user = {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      managerId: row.manager_id,
    };
    request.tokenExpiresAt = Date.parse(toIso(row.expires_at));
    request.tokenChainId = row.chain_id;
  });
}

/** The signed-in user of an authenticated route. */
export function currentUser(request: FastifyRequest): AuthUser {
  if (!request.user) throw unauthorized('Sign in first');
  return request.user;
}
