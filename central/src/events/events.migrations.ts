import type { Migration } from '../db/migrations';

/** Versions 100-199, owned by the events module (see db/migrations.ts). */
export const EVENTS_MIGRATIONS: readonly Migration[] = [];
