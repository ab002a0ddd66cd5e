import type { Queryable } from '../platform/db/db';
import { CATALOG_VERSION, SEED_OFFERINGS } from './demoCatalog';
import { catalogFromOfferings } from './catalogFromOfferings';
import { CATALOG_RESOURCES } from './catalogTypes';
import { rebuildOfferingDocs } from './offeringSync';

export const SEED_CATALOG = {
  id: 'catalog-outpost-business',
  name: 'Outpost Business Catalog',
  version: CATALOG_VERSION,
  description: 'Connectivity, voice, mobile, security and cloud services for business customers.',
} as const;

/**
 * The demo catalog as TMF620 resources (the source of truth of the reps' `offerings`
 * documents), converted from the seed documents. Each resource is seeded once in the life of
 * the database: a missing one is added, a changed one is kept, a deleted one stays deleted.
 * The caller's transaction holds the write lock. Returns the number of documents written.
 */
export async function seedCatalog(tx: Queryable): Promise<number> {
  const resources = catalogFromOfferings(SEED_OFFERINGS, SEED_CATALOG);
  const seededOfferings: string[] = [];
  for (const kind of CATALOG_RESOURCES) {
    for (const resource of resources[kind]) {
      const first = await tx.query('INSERT INTO catalog_seed_log (kind, id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id', [
        kind,
        resource.id,
      ]);
      if (first.length === 0) continue;
      await tx.query(
        `INSERT INTO tmf_resources (kind, id, owner, resource) VALUES ($1, $2, NULL, $3::jsonb) ON CONFLICT (kind, id) DO NOTHING`,
        [kind, resource.id, JSON.stringify(resource)],
      );
      if (kind === 'productOffering') seededOfferings.push(resource.id);
    }
  }
  // Documents of a database seeded before the catalog moved to TMF620 are kept when they match.
  return (await rebuildOfferingDocs(tx, seededOfferings)).length;
}
