import type { Queryable } from '../platform/db/db';
import { badRequest, HttpError } from '../platform/http/errors';
import { isObject, type JsonObject } from '../platform/json';
import { CATALOG_REFERENCES, type CatalogReference } from './catalogSpec';
import { TYPE_NAMES, type CatalogResource, type CatalogResourceName } from './catalogTypes';

interface Row extends Record<string, unknown> {
  id: string;
  resource: JsonObject;
}

/** Stored resources of one kind by id; ids that do not exist are absent from the map. */
export async function loadResources<T extends CatalogResource>(
  db: Queryable,
  kind: CatalogResourceName,
  ids: readonly string[],
): Promise<Map<string, T>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<Row>('SELECT id, resource FROM tmf_resources WHERE kind = $1 AND id = ANY($2::text[])', [
    kind,
    [...new Set(ids)],
  ]);
  return new Map(rows.map((row) => [row.id, row.resource as T]));
}

function referencedIds(reference: CatalogReference, resource: JsonObject): string[] {
  const value = resource[reference.field];
  const refs = reference.many && Array.isArray(value) ? value : [value];
  return refs
    .filter(isObject)
    .map((ref) => ref.id)
    .filter((id): id is string => typeof id === 'string');
}

/** A write may only point at resources that exist: 400 naming the ones that do not. */
export async function assertReferencesExist(tx: Queryable, kind: CatalogResourceName, resource: JsonObject): Promise<void> {
  const problems: string[] = [];
  for (const reference of CATALOG_REFERENCES.filter((candidate) => candidate.from === kind)) {
    const ids = referencedIds(reference, resource);
    const found = await loadResources(tx, reference.to, ids);
    for (const id of ids.filter((candidate) => !found.has(candidate))) {
      problems.push(
        `${reference.field} refers to ${TYPE_NAMES[reference.to]} "${id.slice(0, 100)}", which does not exist; create it first or correct the id`,
      );
    }
  }
  if (problems.length > 0) throw badRequest(problems.slice(0, 5).join('; '));
}

function containment(reference: CatalogReference, id: string): string {
  return JSON.stringify({ [reference.field]: reference.many ? [{ id }] : { id } });
}

/** Ids of `from` resources whose `field` points at the given resource. */
export async function referringIds(db: Queryable, reference: CatalogReference, id: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>('SELECT id FROM tmf_resources WHERE kind = $1 AND resource @> $2::jsonb ORDER BY id', [
    reference.from,
    containment(reference, id),
  ]);
  return rows.map((row) => row.id);
}

/** A resource other resources still point at cannot be deleted: 409 saying which ones. */
export async function assertNotReferenced(tx: Queryable, kind: CatalogResourceName, id: string): Promise<void> {
  const uses: string[] = [];
  for (const reference of CATALOG_REFERENCES.filter((candidate) => candidate.to === kind)) {
    for (const referrer of await referringIds(tx, reference, id)) uses.push(`${reference.from} ${referrer} (${reference.field})`);
  }
  if (uses.length > 0) {
    const more = uses.length > 5 ? ` and ${uses.length - 5} more` : '';
    throw new HttpError(
      409,
      'conflict',
      `${TYPE_NAMES[kind]} ${id} is still referenced by ${uses.slice(0, 5).join(', ')}${more}; remove those references first`,
    );
  }
}

/** The offerings whose `offerings` document is projected from the given resource. */
export async function offeringsUsing(db: Queryable, kind: CatalogResourceName, id: string): Promise<string[]> {
  if (kind === 'productOffering') return [id];
  const ids: string[] = [];
  for (const reference of CATALOG_REFERENCES.filter((candidate) => candidate.from === 'productOffering' && candidate.to === kind)) {
    if (reference.field === 'bundledProductOffering') continue;
    ids.push(...(await referringIds(db, reference, id)));
  }
  return [...new Set(ids)];
}
