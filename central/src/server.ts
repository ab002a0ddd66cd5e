import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAuthRoutes } from './platform/auth/routes';
import { installBearerAuth } from './platform/auth/guard';
import { installSessionEnds, SESSION_ENDS_CHANNEL } from './platform/auth/sessionEnds';
import { deleteExpiredTokens } from './platform/auth/tokens';
import type { Db } from './platform/db/db';
import { MIGRATIONS } from './migrations';
import { migrate } from './platform/db/migrations';
import { openPglite } from './platform/db/pglite';
import { openPostgres } from './platform/db/postgres';
import { defaultCorsOrigins, installCors } from './platform/http/cors';
import { installBodyDepthLimit } from './platform/http/bodyDepth';
import { installUnsafeTextCheck } from './platform/http/unsafeBody';
import { installNoStore } from './platform/http/noStore';
import { installEmptyBodyTolerance } from './platform/http/emptyBody';
import { answerFrameworkError, installErrorHandling } from './platform/http/errors';
import { seedDemoData } from './seed';
import { ChangeHub } from './platform/sync/hub';
import { PgChangeFeed } from './platform/sync/pgChangeFeed';
import { registerSyncRoutes } from './platform/sync/routes';
import { registerStreamRoute } from './platform/sync/stream';
import { registerEvents, type EventOptions } from './platform/events';
import { installOpenApi } from './platform/openapi';
import { resolveSignInLimits, type SignInLimitOptions } from './platform/auth/signInLimits';
import { registerWipeRoutes } from './platform/devices/wipeRoutes';
import { registerTimelineRoutes } from './platform/audit/timelineRoutes';
import type { CollectionRulesMap } from './platform/sync/rules';
import type { UpdateOptions } from './platform/updates/options';
import { installVersionGate, registerUpdateRoutes } from './platform/updates/routes';
import { registerCatalogRoutes } from './catalog';
import { productDelivery, registerProductInventoryRoutes } from './inventory';
import {
  accountSyncRules,
  orderSyncRules,
  orderAttachmentSyncRules,
  registerFulfillment,
  registerOrderingRoutes,
  startAcknowledgementMailer,
  type FulfillmentOptions,
  type MailOptions,
} from './ordering';
import {
  leadSyncRules,
  quoteSyncRules,
  registerAgreementRoutes,
  registerQuoteRoutes,
  registerRuleSetRoutes,
  registerSalesLeadRoutes,
} from './sales';
import { registerServiceQualificationRoutes } from './serviceability';

export interface CentralOptions {
  /** PostgreSQL connection string; when absent, PGlite is used. */
  databaseUrl?: string;
  /** PostgreSQL: connections in the pool (default DEFAULT_POOL_SIZE); the change feed listens on one more. */
  dbPoolSize?: number;
  /** PGlite data folder; undefined = in memory (gone at close). Ignored with databaseUrl. */
  dataDir?: string;
  /** Start PGlite from this dump (PGlite dumpDataDir) instead of an empty database; the test suite's seeded template. */
  pgliteFrom?: Blob;
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
  /** Where the request log goes instead of stdout (turns logging on); tests read it to prove what is never logged. */
  logStream?: { write(line: string): void };
  /** Fulfillment simulator (ordering/fulfillment/config.ts); default manual. */
  fulfillment?: FulfillmentOptions;
  /** Event log and /hub delivery: poll interval, retries and backoff (platform/events/index.ts). */
  events?: EventOptions;
  /** Failed sign-ins tolerated per username+address, address and username before a wait (auth/signInLimits.ts). */
  signInLimits?: SignInLimitOptions;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (Fastify trustProxy); default false. */
  trustProxy?: boolean;
  /** Time between `heartbeat` events on /sync/stream; default DEFAULT_STREAM_HEARTBEAT_MS (shared/sync/protocol.ts). */
  streamHeartbeatMs?: number;
  /** This instance's name among several on one database (leases, logs); default host-pid-random. */
  instanceId?: string;
  /** Order acknowledgement emails through SMTP (ordering/acknowledgement); default none, with a log line per order. */
  mail?: MailOptions;
  /** The updates feed under /updates/ and the minimum app version (platform/updates); default: no feed, no minimum. */
  updates?: UpdateOptions;
  /** How long close() lets requests in flight finish before it cuts their connections; default CLOSE_GRACE_MS. */
  closeGraceMs?: number;
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

/**
 * Never in a log line, whatever a future serializer or log call adds: tokens and the card a
 * card authorisation carries (ordering/payment). Fastify's request log has no body today.
 */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.body.cardNumber',
  'req.body.cardCvc',
  'req.body.password',
  'body.cardNumber',
  'body.cardCvc',
  '*.cardNumber',
  '*.cardCvc',
];

/**
 * A client that stopped reading in the middle of an answer (a half-open hotspot link) keeps its
 * socket busy for minutes; a shutdown or restart waits this long for such requests, then cuts them.
 * Nothing is lost: a cut push was either committed or not, and the laptop sends it again.
 */
export const CLOSE_GRACE_MS = 5_000;

/**
 * How each collection's push is judged beyond the schema, from the contexts' doors: the sync
 * plumbing (platform/sync) knows no business module. Collections not named are stored as normalised.
 */
const COLLECTION_RULES: CollectionRulesMap = {
  orders: orderSyncRules,
  orderAttachments: orderAttachmentSyncRules,
  accounts: accountSyncRules,
  leads: leadSyncRules,
  quotes: quoteSyncRules,
};

export async function createCentral(options: CentralOptions = {}): Promise<Central> {
  const db: Db = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.dbPoolSize)
    : await openPglite(options.dataDir, options.pgliteFrom);
  try {
    await migrate(db, MIGRATIONS);
    await deleteExpiredTokens(db);
    if (options.seed) await seedDemoData(db);
  } catch (error) {
    await db.close();
    throw error;
  }

  const app = Fastify({
    logger:
      options.logger || options.logStream
        ? { redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' }, ...(options.logStream ? { stream: options.logStream } : {}) }
        : false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    frameworkErrors: answerFrameworkError,
  });
  installErrorHandling(app, !options.logger && !options.logStream);
  installNoStore(app);
  installEmptyBodyTolerance(app);
  installBodyDepthLimit(app);
  installUnsafeTextCheck(app);
  await installCors(app, options.corsOrigins ?? defaultCorsOrigins(options.demo ?? false));
  // Before any route, so the document lists them all.
  await installOpenApi(app);
  installBearerAuth(app, db);
  installVersionGate(app, options.updates?.minimumVersion);
  const sessionEnds = installSessionEnds(app);
  const instanceId = options.instanceId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const hub = new ChangeHub();
  if (options.databaseUrl) {
    // Other instances may share this database: streams hear of changes through it (pgChangeFeed.ts).
    const feed = new PgChangeFeed(options.databaseUrl, db, hub, {
      log: (message) => app.log.warn(message),
      // Sign-outs and wipes end the streams on every instance, not only the one that heard them.
      channels: { [SESSION_ENDS_CHANNEL]: (payload) => sessionEnds.receive(payload) },
    });
    sessionEnds.relayThrough((notice) => {
      db.query('SELECT pg_notify($1, $2)', [SESSION_ENDS_CHANNEL, JSON.stringify(notice)]).catch((error: unknown) =>
        app.log.error({ err: error }, 'could not tell the other instances that a session ended'),
      );
    });
    app.addHook('onReady', () => feed.start());
    // After preClose ended the streams, before the database closes.
    app.addHook('onClose', () => feed.stop());
  }
  registerAuthRoutes(app, db, {
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    signInLimits: resolveSignInLimits(options.signInLimits),
  });
  registerSyncRoutes(app, db, hub, COLLECTION_RULES);
  registerCatalogRoutes(app, db, hub);
  registerStreamRoute(app, db, hub, { heartbeatMs: options.streamHeartbeatMs });
  registerOrderingRoutes(app, db, hub);
  // Its lines go to the request log unless the caller says where (main.ts: the console).
  startAcknowledgementMailer(app, db, { log: (line) => app.log.info(line), ...options.mail });
  registerSalesLeadRoutes(app, db, hub);
  registerRuleSetRoutes(app, db, hub);
  registerQuoteRoutes(app, db);
  registerAgreementRoutes(app, db);
  // Delivered orders become TMF637 products: inventory meets ordering's ProductDelivery port.
  registerFulfillment(app, db, hub, productDelivery, options.fulfillment, instanceId);
  registerProductInventoryRoutes(app, db);
  registerServiceQualificationRoutes(app, db);
  registerWipeRoutes(app, db);
  registerTimelineRoutes(app, db);
  registerUpdateRoutes(app, options.updates ?? { rollout: {} });
  registerEvents(app, db, options.events);
  await app.ready();

  let closing: Promise<void> | undefined;
  return {
    app,
    storage: db.description,
    close: () => {
      closing ??= (async () => {
        const cut = setTimeout(() => app.server.closeAllConnections(), options.closeGraceMs ?? CLOSE_GRACE_MS);
        try {
          await app.close();
        } finally {
          clearTimeout(cut);
          await db.close();
        }
      })();
      return closing;
    },
  };
}
