/**
 * The catalog context's only door: TMF620 and the projection of the catalog into the reps'
 * `offerings` documents, with the demo catalog the seed inserts.
 */
export { registerCatalogRoutes } from './catalogRoutes';
export { CATALOG_MIGRATIONS } from './catalog.migrations';
export { seedCatalog } from './catalogSeed';
export { SEED_OFFERINGS } from './demoCatalog';
// The TMF620 conformance profile's rules as this context enforces them (conformance/profiles/ tests them).
export { CATALOG_PROFILE } from './catalogProfile';
export { CREATE_ATTRIBUTES as CATALOG_CREATE_ATTRIBUTES } from './catalogSpec';
