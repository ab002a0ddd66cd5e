import type { Queryable } from '../platform/db/db';
import { badRequest } from '../platform/http/errors';
import { loadDoc, writeDoc, type StoredDoc } from '../platform/sync/docs';
import { jsonEqual, type JsonObject } from '../platform/json';
import { schemaProblems } from '../platform/sync/schemaCheck';
import type { CatalogResource, CatalogResourceName, ProductOffering } from './catalogTypes';
import { loadResources } from './catalogStore';
import { offeringDocFrom, offeringReferences, sourcesFrom } from './offeringProjection';

/** The reps' `offerings` document of one offering as projected from the stored TMF620 resources. */
export async function projectOffering(tx: Queryable, offering: ProductOffering): Promise<JsonObject> {
  const found = new Map<CatalogResourceName, Map<string, CatalogResource>>();
  for (const [kind, ids] of Object.entries(offeringReferences(offering)) as [CatalogResourceName, string[]][]) {
    found.set(kind, await loadResources(tx, kind, ids));
  }
  const doc = offeringDocFrom(sourcesFrom(offering, (kind, id) => found.get(kind)?.get(id)));
  const problems = schemaProblems('offerings', doc);
  if (problems.length > 0) {
    // Refused before it reaches the laptops: the app would not store such an offering.
    throw badRequest(
      `This change would give the reps an offering their app cannot load (${offering.id}: ${problems.slice(0, 3).join('; ')}); correct it`,
    );
  }
  return doc as unknown as JsonObject;
}

/**
 * Rebuilds the `offerings` documents of the given offerings from their TMF620 resources, in
 * the caller's transaction, which holds the write lock (takeWriteLock) so the new seqs commit
 * in order. An offering that no longer exists leaves its document marked deleted; an unchanged
 * projection keeps its seq, so the reps pull only what really changed. Returns the written
 * documents, to publish to the ChangeHub after commit.
 */
export async function rebuildOfferingDocs(tx: Queryable, offeringIds: readonly string[]): Promise<StoredDoc[]> {
  const offerings = await loadResources<ProductOffering>(tx, 'productOffering', offeringIds);
  const written: StoredDoc[] = [];
  for (const id of new Set(offeringIds)) {
    const existing = await loadDoc(tx, 'offerings', id);
    const offering = offerings.get(id);
    if (!offering) {
      if (existing && !existing.deleted)
        written.push(await writeDoc(tx, { collection: 'offerings', id, owner: null, deleted: true, data: existing.data }));
      continue;
    }
    const data = await projectOffering(tx, offering);
    if (existing && !existing.deleted && jsonEqual(existing.data, data)) continue;
    written.push(await writeDoc(tx, { collection: 'offerings', id, owner: null, deleted: false, data }));
  }
  return written;
}
