import type { Queryable } from '../db/db';
import type { Role, UserInfo } from '../../../../shared/sync/protocol';

export interface AuthUser extends UserInfo {
  managerId: string | null;
}

interface UserRow extends Record<string, unknown> {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  manager_id: string | null;
  password_hash: string;
}

export interface StoredUser extends AuthUser {
  passwordHash: string;
}

const COLUMNS = 'id, username, display_name, role, manager_id, password_hash';

function toUser(row: UserRow): StoredUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    managerId: row.manager_id,
    passwordHash: row.password_hash,
  };
}

export function publicUser(user: AuthUser): UserInfo {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
}

export async function findUserByName(db: Queryable, username: string): Promise<StoredUser | undefined> {
  const rows = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE username = $1`, [username]);
  return rows[0] ? toUser(rows[0]) : undefined;
}

export async function findUserById(db: Queryable, id: string): Promise<StoredUser | undefined> {
  const rows = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
  return rows[0] ? toUser(rows[0]) : undefined;
}

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  managerId?: string;
  passwordHash: string;
}

/** Idempotent: an existing username is left as it is (seeding runs on every start). */
export async function insertUserIfAbsent(db: Queryable, user: NewUser): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO users (id, username, display_name, role, manager_id, password_hash)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id`,
    [user.id, user.username, user.displayName, user.role, user.managerId ?? null, user.passwordHash],
  );
  return rows.length > 0;
}
