import type { Migration } from '../db/migrations';

/** Versions 200-299, owned by the TMF620 catalog module (see db/migrations.ts). */
export const CATALOG_MIGRATIONS: readonly Migration[] = [];
