import type { AuthUser } from '../auth/users';
import type { Queryable } from '../db/db';
import type { JsonObject } from '../json';
import { ownerVisibleSql, seesEveryOwner } from '../auth/scope';
import { filterSql, type AttributeFilter } from './listing';

/**
 * One table for the TMF resources that need no table of their own (catalog entities,
 * inventory products, ...): the resource as JSON, its kind, and the owner that scopes it
 * (null = visible to everyone, e.g. the catalog).
 */
export interface StoredResource<T extends JsonObject = JsonObject> {
  resource: T;
  owner: string | null;
}

interface ResourceRow extends Record<string, unknown> {
  resource: JsonObject;
  owner: string | null;
}

export async function putResource(tx: Queryable, kind: string, id: string, owner: string | null, resource: JsonObject): Promise<void> {
  await tx.query(
    `INSERT INTO tmf_resources (kind, id, owner, resource) VALUES ($1, $2, $3, $4::jsonb)
     ON CONFLICT (kind, id) DO UPDATE SET owner = EXCLUDED.owner, resource = EXCLUDED.resource, updated_at = now()`,
    [kind, id, owner, JSON.stringify(resource)],
  );
}

export async function deleteResource(tx: Queryable, kind: string, id: string): Promise<boolean> {
  const rows = await tx.query('DELETE FROM tmf_resources WHERE kind = $1 AND id = $2 RETURNING id', [kind, id]);
  return rows.length > 0;
}

export async function getResource<T extends JsonObject>(db: Queryable, kind: string, id: string): Promise<StoredResource<T> | undefined> {
  const rows = await db.query<ResourceRow>('SELECT resource, owner FROM tmf_resources WHERE kind = $1 AND id = $2', [kind, id]);
  return rows[0] ? { resource: rows[0].resource as T, owner: rows[0].owner } : undefined;
}

function visibility(user: AuthUser, bind: (value: unknown) => string): string {
  // Bind the user id only where the SQL uses it: an unused parameter is an error in both engines.
  if (seesEveryOwner(user)) return 'TRUE';
  const param = bind(user.id);
  return `(owner IS NULL OR ${ownerVisibleSql(user, 'owner', Number(param.slice(1)))})`;
}

/** The resource if it exists and the user may see it (shared resources: everyone). */
export async function getVisibleResource<T extends JsonObject>(
  db: Queryable,
  user: AuthUser,
  kind: string,
  id: string,
): Promise<T | undefined> {
  const params: unknown[] = [kind, id];
  const bind = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const rows = await db.query<ResourceRow>(
    `SELECT resource, owner FROM tmf_resources WHERE kind = $1 AND id = $2 AND ${visibility(user, bind)}`,
    params,
  );
  return rows[0]?.resource as T | undefined;
}

export async function listVisibleResources<T extends JsonObject>(
  db: Queryable,
  user: AuthUser,
  kind: string,
  filters: readonly AttributeFilter[],
  offset: number,
  limit: number,
): Promise<{ total: number; resources: T[] }> {
  const params: unknown[] = [kind];
  const bind = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = ['kind = $1', visibility(user, bind), ...filterSql(filters, bind, 'resource', { id: 'id' })].join(' AND ');
  const count = await db.query<{ total: unknown }>(`SELECT count(*) AS total FROM tmf_resources WHERE ${where}`, [...params]);
  const rows = await db.query<ResourceRow>(
    `SELECT resource, owner FROM tmf_resources WHERE ${where} ORDER BY created_at, id OFFSET ${bind(offset)} LIMIT ${bind(limit)}`,
    params,
  );
  return { total: Number(count[0]?.total ?? 0), resources: rows.map((row) => row.resource as T) };
}
