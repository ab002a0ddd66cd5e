import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/db';
import { EMPTY_ALLOW_LIST, parseAllowList } from './callbackAddress';
import { DEFAULT_DELIVERY_OPTIONS, EventDispatcher, type DeliveryOptions } from './dispatcher';
import { registerEventRoutes } from './eventRoutes';
import { registerHubRoutes } from './hubRoutes';

/** createCentral's `events` options. */
export interface EventOptions extends Partial<DeliveryOptions> {
  /** false = this instance serves the APIs but leaves delivery to other instances; default true. */
  deliver?: boolean;
  /** Default 20. */
  maxSubscriptionsPerUser?: number;
}

function positive(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`events.${name} must be a whole number of at least 1, got ${value}`);
  return value;
}

export function deliveryOptions(options: EventOptions = {}): DeliveryOptions {
  const merged = { ...DEFAULT_DELIVERY_OPTIONS, ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) };
  return {
    pollIntervalMs: positive('pollIntervalMs', merged.pollIntervalMs),
    maxAttempts: positive('maxAttempts', merged.maxAttempts),
    retryBaseMs: positive('retryBaseMs', merged.retryBaseMs),
    requestTimeoutMs: positive('requestTimeoutMs', merged.requestTimeoutMs),
    concurrency: positive('concurrency', merged.concurrency),
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
  };
}

/** The event log (TMF688), the /hub of every API, and the delivery of events to hub callbacks. */
export function registerEvents(app: FastifyInstance, db: Db, options: EventOptions = {}): void {
  registerEventRoutes(app, db);
  // Parsed once at start, so a bad entry stops the server with a message naming it.
  const allow = options.allowedHosts ? parseAllowList(options.allowedHosts) : EMPTY_ALLOW_LIST;
  registerHubRoutes(app, db, {
    maxSubscriptionsPerUser: positive('maxSubscriptionsPerUser', options.maxSubscriptionsPerUser ?? 20),
    allow,
  });
  if (options.deliver === false) return;
  const dispatcher = new EventDispatcher(db, deliveryOptions(options), {
    warn: (message) => app.log.warn(message),
    error: (message, error) => app.log.error({ err: error }, message),
  });
  app.addHook('onReady', async () => dispatcher.start());
  // Runs inside app.close(), before createCentral's close() closes the database.
  app.addHook('onClose', () => dispatcher.stop());
}
