import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../auth/users';
import type { Queryable } from '../db/db';
import { ownerVisibleSql } from '../auth/scope';
import { badRequest } from '../http/errors';
import type { JsonObject } from '../json';

/** Equality filter on one first-level attribute; several values = any of them (TMF630). */
export interface AttributeFilter {
  attribute: string;
  values: string[];
}

export interface ListQuery {
  offset: number;
  limit: number;
  /** Raw `fields=` value, applied with selectFields. */
  fields: unknown;
  filters: AttributeFilter[];
}

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
const PAGING = new Set(['offset', 'limit', 'fields']);
const ATTRIBUTE = /^[A-Za-z@][A-Za-z0-9@_]*$/;

function whole(value: unknown, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^\d{1,10}$/.test(value) || Number(value) > max) {
    throw badRequest(`${name} must be a whole number from 0 to ${max}`);
  }
  return Number(value);
}

/** TMF630 list conventions: offset/limit paging, `fields`, and equality filters (ANDed). */
export function parseListQuery(query: unknown): ListQuery {
  const params = (query ?? {}) as Record<string, unknown>;
  const filters: AttributeFilter[] = [];
  for (const [attribute, raw] of Object.entries(params)) {
    if (PAGING.has(attribute)) continue;
    if (!ATTRIBUTE.test(attribute) || attribute.length > 64) {
      throw badRequest(`Cannot filter on "${attribute.slice(0, 64)}"; filter on first-level attributes, e.g. state=acknowledged`);
    }
    const values = Array.isArray(raw) ? raw : [raw];
    if (!values.every((value): value is string => typeof value === 'string' && value.length <= 1000)) {
      throw badRequest(`Filter ${attribute} must be text of at most 1000 characters`);
    }
    filters.push({ attribute, values });
  }
  return {
    offset: whole(params.offset, 'offset', 0, 1_000_000_000),
    limit: whole(params.limit, 'limit', DEFAULT_LIMIT, MAX_LIMIT),
    fields: params.fields,
    filters,
  };
}

/** TMF630 attribute selection: the listed first-level attributes, plus id and href. */
export function selectFields<T extends JsonObject>(resource: T, fields: unknown): JsonObject {
  if (fields === undefined) return resource;
  if (typeof fields !== 'string') throw badRequest('fields must be one comma-separated list of attribute names');
  const wanted = new Set([
    'id',
    'href',
    ...fields
      .split(',')
      .map((field) => field.trim())
      .filter(Boolean),
  ]);
  return Object.fromEntries(Object.entries(resource).filter(([key]) => wanted.has(key)));
}

/** Sends one page of a list with X-Total-Count and X-Result-Count. */
export function sendPage<T extends JsonObject>(reply: FastifyReply, total: number, page: readonly T[], fields: unknown): JsonObject[] {
  reply.header('X-Total-Count', String(total)).header('X-Result-Count', String(page.length));
  return page.map((resource) => selectFields(resource, fields));
}

/**
 * Equality filters as SQL over a jsonb column (`resource ->> 'attr'`), with attribute names
 * bound as parameters too, so nothing from the query string becomes SQL text. Columns that
 * exist for an attribute can be given in `columns`.
 */
export function filterSql(
  filters: readonly AttributeFilter[],
  bind: (value: unknown) => string,
  jsonColumn: string,
  columns: Readonly<Record<string, string>> = {},
): string[] {
  return filters.map((filter) => {
    // Own keys only: `constructor` or `toString` would otherwise find Object's and become SQL text.
    const column = Object.hasOwn(columns, filter.attribute) ? columns[filter.attribute] : undefined;
    const target = column ?? `${jsonColumn} ->> ${bind(filter.attribute)}`;
    return `(${filter.values.map((value) => `${target} = ${bind(value)}`).join(' OR ')})`;
  });
}

export interface OwnedPageQuery {
  /** Table with an `owner` column and a `resource` jsonb column. */
  table: string;
  /** Columns that hold first-level attributes directly (faster than the jsonb path). */
  columns: Readonly<Record<string, string>>;
  /** ORDER BY clause, stable across pages. */
  orderBy: string;
  filters: readonly AttributeFilter[];
  offset: number;
  limit: number;
  /** Extra predicates a resource needs (e.g. a reference filter), built with the same bind. */
  extraWhere?: (bind: (value: unknown) => string) => string[];
}

/**
 * One page of owner-scoped resources (reps: theirs, managers: their team's, admin and
 * integration: all) with the total matching count, for tables shaped (owner, resource jsonb).
 */
export async function listOwnedPage<T>(db: Queryable, user: AuthUser, query: OwnedPageQuery): Promise<{ total: number; resources: T[] }> {
  const params: unknown[] = [];
  const bind = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  const scope = ownerVisibleSql(user, 'owner', 1);
  if (scope !== 'TRUE') {
    bind(user.id);
    where.push(scope);
  }
  where.push(...(query.extraWhere?.(bind) ?? []), ...filterSql(query.filters, bind, 'resource', query.columns));
  const condition = where.length > 0 ? where.join(' AND ') : 'TRUE';
  const count = await db.query<{ total: unknown }>(`SELECT count(*) AS total FROM ${query.table} WHERE ${condition}`, [...params]);
  const rows = await db.query<{ resource: T }>(
    `SELECT resource FROM ${query.table} WHERE ${condition} ORDER BY ${query.orderBy} OFFSET ${bind(query.offset)} LIMIT ${bind(query.limit)}`,
    params,
  );
  return { total: Number(count[0]?.total ?? 0), resources: rows.map((row) => row.resource) };
}
