import { randomUUID } from 'node:crypto';
import { takeWriteLock, type Db, type Queryable } from '../platform/db/db';
import { recordEvent } from '../platform/events/eventLog';
import { notFound } from '../platform/http/errors';
import { changeOf } from '../platform/sync/docs';
import type { DocChange } from '../platform/sync/hub';
import { jsonEqual, type JsonObject } from '../platform/json';
import { isBlank } from '../platform/tmf/profileRules';
import { deleteResource, getResource, putResource } from '../platform/tmf/resourceStore';
import { DEFAULT_LIFECYCLE_STATUS } from './catalogProfile';
import { checkResource, mergePatch, parseCreate, parsePatch } from './catalogInput';
import { assertNotReferenced, assertReferencesExist, offeringsUsing } from './catalogStore';
import { CATALOG_DOMAIN, catalogHref, TYPE_NAMES, type CatalogResource, type CatalogResourceName } from './catalogTypes';
import { rebuildOfferingDocs } from './offeringSync';

/** A committed catalog change and the `offerings` documents it rewrote (publish them after commit). */
export interface CatalogWrite {
  resource: CatalogResource;
  changes: DocChange[];
}

function event(tx: Queryable, kind: CatalogResourceName, suffix: string, resource: CatalogResource, fieldPath?: string) {
  return recordEvent(tx, {
    eventType: `${TYPE_NAMES[kind]}${suffix}`,
    domain: CATALOG_DOMAIN,
    resourceName: kind,
    resource,
    owner: null,
    ...(fieldPath ? { fieldPath } : {}),
  });
}

/**
 * Every catalog write runs in one transaction: the resource, its events, and the reps'
 * `offerings` documents projected from it commit together or not at all. The write lock
 * also serialises catalog writes, so a read-modify-write PATCH never loses a concurrent one.
 */
async function write(
  db: Db,
  kind: CatalogResourceName,
  id: string,
  apply: (tx: Queryable) => Promise<CatalogResource>,
): Promise<CatalogWrite> {
  return db.transaction(async (tx) => {
    await takeWriteLock(tx);
    const affected = await offeringsUsing(tx, kind, id);
    const resource = await apply(tx);
    const docs = await rebuildOfferingDocs(tx, affected);
    return { resource, changes: docs.map(changeOf) };
  });
}

async function existing(tx: Queryable, kind: CatalogResourceName, id: string): Promise<CatalogResource> {
  const stored = await getResource<CatalogResource>(tx, kind, id);
  if (!stored) throw notFound(`No ${TYPE_NAMES[kind]} with id ${id}; list them with GET ${catalogHref(kind, '').replace(/\/$/, '')}`);
  return stored.resource;
}

export async function createCatalogResource(db: Db, kind: CatalogResourceName, body: unknown): Promise<CatalogWrite> {
  const input = parseCreate(kind, body);
  const id = randomUUID();
  return write(db, kind, id, async (tx) => {
    await assertReferencesExist(tx, kind, input);
    // lastUpdate is accepted by *_Create but stamped by the server, like every later change.
    // lifecycleStatus is mandatory in TMF620B responses: the provider's default when the client left it out.
    const resource: CatalogResource = {
      id,
      href: catalogHref(kind, id),
      '@type': TYPE_NAMES[kind],
      lifecycleStatus: DEFAULT_LIFECYCLE_STATUS,
      ...input,
      name: String(input.name),
      lastUpdate: new Date().toISOString(),
    };
    if (isBlank(resource.lifecycleStatus)) resource.lifecycleStatus = DEFAULT_LIFECYCLE_STATUS;
    await putResource(tx, kind, id, null, resource);
    await event(tx, kind, 'CreateEvent', resource);
    return resource;
  });
}

function changedAttributes(before: JsonObject, after: JsonObject): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => key !== 'lastUpdate' && !jsonEqual(before[key], after[key]));
}

/**
 * Merge patch. A changed lifecycleStatus raises a StateChangeEvent, other changed attributes
 * an AttributeValueChangeEvent naming them; a patch that changes nothing changes nothing.
 */
export async function patchCatalogResource(db: Db, kind: CatalogResourceName, id: string, body: unknown): Promise<CatalogWrite> {
  const patch = parsePatch(kind, body);
  return write(db, kind, id, async (tx) => {
    const before = await existing(tx, kind, id);
    const merged = mergePatch(before, patch) as JsonObject;
    checkResource(kind, merged);
    const changed = changedAttributes(before, merged);
    if (changed.length === 0) return before;
    await assertReferencesExist(tx, kind, merged);
    const after = { ...merged, lastUpdate: new Date().toISOString() } as CatalogResource;
    await putResource(tx, kind, id, null, after);
    if (changed.includes('lifecycleStatus')) await event(tx, kind, 'StateChangeEvent', after);
    const attributes = changed.filter((key) => key !== 'lifecycleStatus');
    if (attributes.length > 0) await event(tx, kind, 'AttributeValueChangeEvent', after, attributes.join(','));
    return after;
  });
}

export async function deleteCatalogResource(db: Db, kind: CatalogResourceName, id: string): Promise<CatalogWrite> {
  return write(db, kind, id, async (tx) => {
    const before = await existing(tx, kind, id);
    await assertNotReferenced(tx, kind, id);
    await deleteResource(tx, kind, id);
    await event(tx, kind, 'DeleteEvent', before);
    return before;
  });
}
