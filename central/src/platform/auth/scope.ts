import type { Queryable } from '../db/db';
import type { AuthUser } from './users';

/** Admins and integration clients see every rep's records; managers their reps'; reps their own. */
export function seesEveryOwner(user: AuthUser): boolean {
  return user.role === 'admin' || user.role === 'integration';
}

/**
 * SQL predicate on an owner column for owned data, with the user id bound as `$<param>`.
 * Kept in SQL so a rep assigned to a manager is visible at once, with no cache to invalidate.
 */
export function ownerVisibleSql(user: AuthUser, column: string, param: number): string {
  if (seesEveryOwner(user)) return 'TRUE';
  if (user.role === 'manager') {
    // A manager of managers (the sales director) sees their reps too.
    return `(${column} = $${param} OR ${column} IN (SELECT id FROM users WHERE manager_id = $${param} OR manager_id IN (SELECT id FROM users WHERE manager_id = $${param} AND role = 'manager')))`;
  }
  return `${column} = $${param}`;
}

/** The owner ids a user may see, for filtering in memory (event streams); null = all. */
export async function visibleOwners(db: Queryable, user: AuthUser): Promise<ReadonlySet<string> | null> {
  if (seesEveryOwner(user)) return null;
  const owners = new Set([user.id]);
  if (user.role === 'manager') {
    const rows = await db.query<{ id: string }>(
      `SELECT id FROM users WHERE manager_id = $1 OR manager_id IN (SELECT id FROM users WHERE manager_id = $1 AND role = 'manager')`,
      [user.id],
    );
    for (const row of rows) owners.add(row.id);
  }
  return owners;
}

export async function ownerIsVisible(db: Queryable, user: AuthUser, owner: string): Promise<boolean> {
  const owners = await visibleOwners(db, user);
  return owners === null || owners.has(owner);
}
