import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db';

export type TokenKind = 'access' | 'refresh';

/** Tokens are opaque random strings; only their sha256 is stored, so a database leak yields no usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new chain: one per sign-in (password or client credentials). */
export function newChainId(): string {
  return randomBytes(16).toString('hex');
}

export async function issueToken(
  db: Queryable,
  userId: string,
  kind: TokenKind,
  clientId: string,
  ttlSeconds: number,
  chainId: string,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.query(
    `INSERT INTO tokens (token_hash, user_id, kind, client_id, expires_at, chain_id)
     VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5), $6)`,
    [hashToken(token), userId, kind, clientId, ttlSeconds, chainId],
  );
  return token;
}

export interface TokenOwner {
  userId: string;
  clientId: string;
  chainId: string;
}

export type RefreshOutcome = { kind: 'rotated'; owner: TokenOwner } | { kind: 'reused'; chainId: string } | { kind: 'unknown' };

/**
 * Refresh tokens rotate: the used one is marked in the same statement, so of two requests with
 * it only one gets through. A used one presented again means it was copied (RFC 9700 4.14):
 * the whole chain ends, the thief's tokens and the rep's alike.
 */
export async function consumeRefreshToken(db: Queryable, token: string): Promise<RefreshOutcome> {
  const hash = hashToken(token);
  const rows = await db.query<{ user_id: string; client_id: string; chain_id: string }>(
    `UPDATE tokens SET used_at = now()
      WHERE token_hash = $1 AND kind = 'refresh' AND used_at IS NULL AND expires_at > now()
      RETURNING user_id, client_id, chain_id`,
    [hash],
  );
  const row = rows[0];
  if (row) return { kind: 'rotated', owner: { userId: row.user_id, clientId: row.client_id, chainId: row.chain_id } };
  const revoked = await db.query<{ chain_id: string }>(
    `DELETE FROM tokens WHERE chain_id = (SELECT chain_id FROM tokens WHERE token_hash = $1 AND kind = 'refresh' AND used_at IS NOT NULL)
     RETURNING chain_id`,
    [hash],
  );
  const chainId = revoked[0]?.chain_id;
  return chainId !== undefined ? { kind: 'reused', chainId } : { kind: 'unknown' };
}

/** RFC 7009: ends the chain of `token` (access or refresh), if it is a token of `clientId` (when given). */
export async function revokeChain(
  db: Queryable,
  token: string,
  clientId: string | undefined,
): Promise<{ kind: 'revoked'; chainId: string } | { kind: 'unknown' } | { kind: 'other client' }> {
  const rows = await db.query<{ chain_id: string; client_id: string }>(`SELECT chain_id, client_id FROM tokens WHERE token_hash = $1`, [
    hashToken(token),
  ]);
  const row = rows[0];
  if (!row) return { kind: 'unknown' };
  if (clientId !== undefined && clientId !== row.client_id) return { kind: 'other client' };
  await db.query('DELETE FROM tokens WHERE chain_id = $1', [row.chain_id]);
  return { kind: 'revoked', chainId: row.chain_id };
}

export async function deleteExpiredTokens(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM tokens WHERE expires_at < now() - interval '1 day'`);
}
