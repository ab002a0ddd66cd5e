import type { Migration } from '../db/migrations';

/** Versions 400-499, owned by the TMF622 ordering module (see db/migrations.ts). */
export const ORDERING_MIGRATIONS: readonly Migration[] = [];
