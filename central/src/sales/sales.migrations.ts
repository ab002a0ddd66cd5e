import type { Migration } from '../db/migrations';

/** Versions 500-599, owned by the TMF699 sales and TMF648 quote module (see db/migrations.ts). */
export const SALES_MIGRATIONS: readonly Migration[] = [];
