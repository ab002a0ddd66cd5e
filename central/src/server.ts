import Fastify, { type FastifyInstance } from 'fastify';
import { registerAuthRoutes } from './auth/routes';
import { registerCatalogRoutes } from './catalog/catalogRoutes';
import { installBearerAuth } from './auth/guard';
import { installSessionEnds } from './auth/sessionEnds';
import { deleteExpiredTokens } from './auth/tokens';
import type { Db } from './db/db';
import { migrate } from './db/migrations';
import { openPglite } from './db/pglite';
import { openPostgres } from './db/postgres';
import { defaultCorsOrigins, installCors } from './http/cors';
import { installBodyDepthLimit } from './http/bodyDepth';
import { installUnsafeTextCheck } from './http/unsafeBody';
import { installNoStore } from './http/noStore';
import { installEmptyBodyTolerance } from './http/emptyBody';
import { answerFrameworkError, installErrorHandling } from './http/errors';
import { seedDemoData } from './seed';
import { ChangeHub } from './sync/hub';
import { registerSyncRoutes } from './sync/routes';
import { registerStreamRoute } from './sync/stream';
import { registerOrderingRoutes } from './tmf/orderingRoutes';
import { registerEvents, type EventOptions } from './events';
import { installOpenApi } from './openapi';
import { resolveSignInLimits, type SignInLimitOptions } from './auth/signInLimits';
import { registerSalesLeadRoutes } from './sales/salesLeadRoutes';
import { registerQuoteRoutes } from './quotes/quoteRoutes';
import type { FulfillmentOptions } from './fulfillment/config';
import { registerFulfillment } from './fulfillment/routes';
import { registerProductInventoryRoutes } from './inventory/productRoutes';
import { registerWipeRoutes } from './devices/wipeRoutes';

export interface CentralOptions {
  /** PostgreSQL connection string; when absent, PGlite is used. */
  databaseUrl?: string;
  /** PGlite data folder; undefined = in memory (gone at close). Ignored with databaseUrl. */
  dataDir?: string;
  /** Insert the demo company (idempotent). */
  seed?: boolean;
  /** Allowed browser origins; `*` is a wildcard (default: app://outpost, plus local http origins in demo mode). */
  corsOrigins?: string[];
  /** Runs the demo company (OUTPOST_DEMO=1, `npm start`): local http origins are allowed by default. Default false. */
  demo?: boolean;
  /** Access-token lifetime; default 3600. */
  tokenTtlSeconds?: number;
  /** Fastify request logging (pino); 5xx errors are printed either way. */
  logger?: boolean;
  /** Fulfillment simulator (fulfillment/config.ts); default manual. */
  fulfillment?: FulfillmentOptions;
  /** Event log and /hub delivery: poll interval, retries and backoff (events/index.ts). */
  events?: EventOptions;
  /** Failed sign-ins tolerated per username+address, address and username before a wait (auth/signInLimits.ts). */
  signInLimits?: SignInLimitOptions;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (Fastify trustProxy); default false. */
  trustProxy?: boolean;
  /** Time between `heartbeat` events on /sync/stream; default DEFAULT_STREAM_HEARTBEAT_MS (shared/sync/protocol.ts). */
  streamHeartbeatMs?: number;
}

export interface Central {
  /** Routes registered and ready; the caller listens. */
  app: FastifyInstance;
  /** Human description of the storage, e.g. "PGlite at .outpost-data/central". */
  storage: string;
  /** Ends open event streams, stops the HTTP server and closes the database. */
  close(): Promise<void>;
}

export const BODY_LIMIT_BYTES = 1024 * 1024;

export async function createCentral(options: CentralOptions = {}): Promise<Central> {
  const db: Db = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite(options.dataDir);
  try {
    await migrate(db);
    await deleteExpiredTokens(db);
    if (options.seed) await seedDemoData(db);
  } catch (error) {
    await db.close();
    throw error;
  }

  const app = Fastify({ logger: options.logger ?? false, trustProxy: options.trustProxy ?? false, bodyLimit: BODY_LIMIT_BYTES, frameworkErrors: answerFrameworkError });
  installErrorHandling(app, !options.logger);
  installNoStore(app);
  installEmptyBodyTolerance(app);
  installBodyDepthLimit(app);
  installUnsafeTextCheck(app);
  await installCors(app, options.corsOrigins ?? defaultCorsOrigins(options.demo ?? false));
  // Before any route, so the document lists them all.
  await installOpenApi(app);
  installBearerAuth(app, db);
  installSessionEnds(app);
  const hub = new ChangeHub();
  registerAuthRoutes(app, db, { tokenTtlSeconds: options.tokenTtlSeconds ?? 3600, signInLimits: resolveSignInLimits(options.signInLimits) });
  registerSyncRoutes(app, db, hub);
  registerCatalogRoutes(app, db, hub);
  registerStreamRoute(app, db, hub, { heartbeatMs: options.streamHeartbeatMs });
  registerOrderingRoutes(app, db, hub);
  registerSalesLeadRoutes(app, db, hub);
  registerQuoteRoutes(app, db);
  registerFulfillment(app, db, hub, options.fulfillment);
  registerProductInventoryRoutes(app, db);
  registerWipeRoutes(app, db);
  registerEvents(app, db, options.events);
  await app.ready();

  let closing: Promise<void> | undefined;
  return {
    app,
    storage: db.description,
    close: () => {
      closing ??= (async () => {
        try {
          await app.close();
        } finally {
          await db.close();
        }
      })();
      return closing;
    },
  };
}
