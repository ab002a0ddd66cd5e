import type { Migration } from '../db/migrations';

/** Versions 300-399, owned by the fulfillment and TMF637 inventory module (see db/migrations.ts). */
export const FULFILLMENT_MIGRATIONS: readonly Migration[] = [];
