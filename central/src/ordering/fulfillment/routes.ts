import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/db';
import { currentUser } from '../../platform/auth/guard';
import type { AuthUser } from '../../platform/auth/users';
import { badRequest, forbidden } from '../../platform/http/errors';
import type { ChangeHub } from '../../platform/sync/hub';
import { isObject } from '../../platform/json';
import { runSingleton } from '../../platform/db/lease';
import { resolveFulfillmentConfig, type FulfillmentOptions } from './config';
import type { ProductDelivery } from './delivery';
import { FulfillmentSimulator, type FulfillmentStep } from './simulator';

function assertAdmin(user: AuthUser): void {
  if (user.role !== 'admin') throw forbidden('Only an administrator drives fulfillment; sign in as an admin user');
}

/** The optional `{ orderId }` of a step request; anything else is refused with what to send. */
function orderIdOf(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (!isObject(body)) throw badRequest('Send no body (step every eligible order) or {"orderId": "<ProductOrder id>"}');
  const unknown = Object.keys(body).filter((key) => key !== 'orderId');
  if (unknown.length > 0) throw badRequest(`Unknown field ${unknown.join(', ')}; a step takes only an optional orderId`);
  const { orderId } = body;
  if (orderId === undefined) return undefined;
  if (typeof orderId !== 'string' || orderId.length === 0 || orderId.length > 200) {
    throw badRequest('orderId must be the id of a ProductOrder (text of 1 to 200 characters)');
  }
  return orderId;
}

/**
 * The fulfillment simulator and its admin endpoints:
 * `GET /admin/fulfillment` (its configuration, including the seed in use) and
 * `POST /admin/fulfillment/step` with optional {orderId}: one step of that order, or of every
 * order in acknowledged or inProgress; answers {steps: [...]} with what happened.
 * In auto mode a timer steps every eligible order each interval, until the server closes, on
 * one instance at a time (platform/db/lease.ts).
 * `delivery`: the inventory that turns delivered items into products (wired by server.ts).
 * `instance`: this instance's name on the lease that lets one instance of several run the timer.
 */
export function registerFulfillment(
  app: FastifyInstance,
  db: Db,
  hub: ChangeHub,
  delivery: ProductDelivery,
  options: FulfillmentOptions = {},
  instance = 'central',
): FulfillmentSimulator {
  const simulator = new FulfillmentSimulator(db, hub, resolveFulfillmentConfig(options), delivery);

  app.get('/admin/fulfillment', async (request) => {
    assertAdmin(currentUser(request));
    return simulator.config;
  });

  app.post('/admin/fulfillment/step', async (request): Promise<{ steps: FulfillmentStep[] }> => {
    assertAdmin(currentUser(request));
    const orderId = orderIdOf(request.body);
    return { steps: orderId ? [await simulator.stepOrder(orderId, true)] : await simulator.stepEligible() };
  });

  if (simulator.config.mode === 'auto') runAutomatically(app, db, simulator, instance);
  return simulator;
}

/** Lease name: with several instances on one database, one drives auto-fulfillment. */
export const FULFILLMENT_LEASE = 'fulfillment';

function runAutomatically(app: FastifyInstance, db: Db, simulator: FulfillmentSimulator, instance: string): void {
  runSingleton(app, db, {
    name: FULFILLMENT_LEASE,
    holder: instance,
    intervalMs: simulator.config.intervalMs,
    leaseMs: simulator.config.leaseMs,
    task: (stillHolding) => simulator.stepEligible(stillHolding),
    log: (message, error) => (error === undefined ? app.log.info(message) : console.error(`[central] ${message}:`, error)),
  });
}
