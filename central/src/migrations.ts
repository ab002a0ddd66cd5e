/**
 * Every module's migrations in one list, put together at the composition root: the runner
 * (platform/db/migrations.ts) imports no module, so no module imports it back through a cycle.
 */
import { CATALOG_MIGRATIONS } from './catalog';
import { ACKNOWLEDGEMENT_MIGRATIONS, FULFILLMENT_MIGRATIONS, ORDERING_MIGRATIONS, PAYMENT_MIGRATIONS } from './ordering';
import { AUDIT_MIGRATIONS } from './platform/audit/audit.migrations';
import { AUTH_MIGRATIONS } from './platform/auth/auth.migrations';
import { CORE_MIGRATIONS, type Migration } from './platform/db/migrations';
import { DEVICE_MIGRATIONS } from './platform/devices/devices.migrations';
import { EVENTS_MIGRATIONS } from './platform/events/events.migrations';
import { SALES_MIGRATIONS } from './sales';

export const MIGRATIONS: readonly Migration[] = [
  ...CORE_MIGRATIONS,
  ...AUDIT_MIGRATIONS,
  ...EVENTS_MIGRATIONS,
  ...CATALOG_MIGRATIONS,
  ...FULFILLMENT_MIGRATIONS,
  ...ORDERING_MIGRATIONS,
  ...ACKNOWLEDGEMENT_MIGRATIONS,
  ...PAYMENT_MIGRATIONS,
  ...SALES_MIGRATIONS,
  ...AUTH_MIGRATIONS,
  ...DEVICE_MIGRATIONS,
].sort((a, b) => a.version - b.version);
