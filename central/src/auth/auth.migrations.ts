import type { Migration } from '../db/migrations';

/** Versions 600-699, owned by the auth module (see db/migrations.ts). */
export const AUTH_MIGRATIONS: readonly Migration[] = [];
