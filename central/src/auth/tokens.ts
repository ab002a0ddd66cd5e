import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db';

export type TokenKind = 'access' | 'refresh';

/** Tokens are opaque random strings; only their sha256 is stored, so a database leak yields no usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function issueToken(
  db: Queryable,
  userId: string,
  kind: TokenKind,
  clientId: string,
  ttlSeconds: number,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.query(
    `INSERT INTO tokens (token_hash, user_id, kind, client_id, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
    [hashToken(token), userId, kind, clientId, ttlSeconds],
  );
  return token;
}

export interface TokenOwner {
  userId: string;
  clientId: string;
}

/** The user of a live token of that kind; undefined when unknown or expired. */
export async function lookupToken(db: Queryable, token: string, kind: TokenKind): Promise<TokenOwner | undefined> {
  const rows = await db.query<{ user_id: string; client_id: string }>(
    `SELECT user_id, client_id FROM tokens WHERE token_hash = $1 AND kind = $2 AND expires_at > now()`,
    [hashToken(token), kind],
  );
  const row = rows[0];
  return row ? { userId: row.user_id, clientId: row.client_id } : undefined;
}

/** Refresh tokens rotate: the used one is deleted in the same step, so a replayed one fails. */
export async function consumeRefreshToken(db: Queryable, token: string): Promise<TokenOwner | undefined> {
  const rows = await db.query<{ user_id: string; client_id: string }>(
    `DELETE FROM tokens WHERE token_hash = $1 AND kind = 'refresh' AND expires_at > now()
     RETURNING user_id, client_id`,
    [hashToken(token)],
  );
  const row = rows[0];
  return row ? { userId: row.user_id, clientId: row.client_id } : undefined;
}

export async function deleteExpiredTokens(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM tokens WHERE expires_at < now() - interval '1 day'`);
}
