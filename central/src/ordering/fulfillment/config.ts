/** How the fulfillment simulator runs: createCentral's `fulfillment` option and its environment form. */
import { randomInt } from 'node:crypto';

export const FULFILLMENT_MODES = ['auto', 'manual'] as const;
export type FulfillmentMode = (typeof FULFILLMENT_MODES)[number];

export interface FulfillmentOptions {
  /** `auto`: a timer steps every eligible order; `manual` (default): only POST /admin/fulfillment/step does. */
  mode?: FulfillmentMode;
  /** PRNG seed: the same seed gives every order the same path. Default: random per start. */
  seed?: number;
  /** Share of orders that fall out (held, pending, failed or partial), 0..1; default 0.1. */
  falloutRate?: number;
  /** Auto mode: milliseconds between steps; default 5000. */
  intervalMs?: number;
  /**
   * Auto mode with several instances: one steps at a time, holding a lease this long past each
   * step; a dead holder's timer passes to another instance within it. Default 3 intervals, at least 15 s.
   */
  leaseMs?: number;
}

export type FulfillmentConfig = Required<FulfillmentOptions>;

export const DEFAULT_FALLOUT_RATE = 0.1;
export const DEFAULT_INTERVAL_MS = 5000;
const MIN_LEASE_MS = 15_000;
const MIN_INTERVAL_MS = 10;
const MAX_SEED = 2 ** 32 - 1;

/** Options with defaults filled in; a value out of range is an error at start, never a silent default. */
export function resolveFulfillmentConfig(options: FulfillmentOptions = {}): FulfillmentConfig {
  const config: FulfillmentConfig = {
    mode: options.mode ?? 'manual',
    seed: options.seed ?? randomInt(0, MAX_SEED),
    falloutRate: options.falloutRate ?? DEFAULT_FALLOUT_RATE,
    intervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS,
    leaseMs: options.leaseMs ?? Math.max(3 * (options.intervalMs ?? DEFAULT_INTERVAL_MS), MIN_LEASE_MS),
  };
  if (!FULFILLMENT_MODES.includes(config.mode)) throw new Error(`fulfillment mode must be auto or manual, got "${String(config.mode)}"`);
  if (!Number.isSafeInteger(config.seed) || config.seed < 0 || config.seed > MAX_SEED) {
    throw new Error(`fulfillment seed must be a whole number from 0 to ${MAX_SEED}, got ${config.seed}`);
  }
  if (!Number.isFinite(config.falloutRate) || config.falloutRate < 0 || config.falloutRate > 1) {
    throw new Error(`fulfillment fall-out rate must be a number from 0 to 1, got ${config.falloutRate}`);
  }
  if (!Number.isSafeInteger(config.intervalMs) || config.intervalMs < MIN_INTERVAL_MS) {
    throw new Error(`fulfillment interval must be a whole number of milliseconds, at least ${MIN_INTERVAL_MS}, got ${config.intervalMs}`);
  }
  if (!Number.isSafeInteger(config.leaseMs) || config.leaseMs <= config.intervalMs) {
    throw new Error(
      `fulfillment lease must be a whole number of milliseconds longer than the interval (${config.intervalMs}), got ${config.leaseMs}`,
    );
  }
  return config;
}

function numberVariable(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}"`);
  return value;
}

/**
 * OUTPOST_FULFILLMENT (auto|manual), OUTPOST_FULFILLMENT_SEED, OUTPOST_FALLOUT_RATE (0..1),
 * OUTPOST_FULFILLMENT_INTERVAL_MS, OUTPOST_FULFILLMENT_LEASE_MS. `defaultMode` applies when OUTPOST_FULFILLMENT is unset:
 * `npm run central` passes auto so a demo shows orders progressing.
 */
export function fulfillmentOptionsFromEnv(env: NodeJS.ProcessEnv, defaultMode: FulfillmentMode): FulfillmentOptions {
  const rawMode = env.OUTPOST_FULFILLMENT?.trim() || defaultMode;
  if (!FULFILLMENT_MODES.includes(rawMode as FulfillmentMode)) {
    throw new Error(`OUTPOST_FULFILLMENT must be auto or manual, got "${rawMode}"`);
  }
  const options: FulfillmentOptions = { mode: rawMode as FulfillmentMode };
  const seed = numberVariable(env, 'OUTPOST_FULFILLMENT_SEED');
  const falloutRate = numberVariable(env, 'OUTPOST_FALLOUT_RATE');
  const intervalMs = numberVariable(env, 'OUTPOST_FULFILLMENT_INTERVAL_MS');
  const leaseMs = numberVariable(env, 'OUTPOST_FULFILLMENT_LEASE_MS');
  // Checked one by one, so a bad value stops the start naming its variable.
  const check = (name: string, option: FulfillmentOptions): void => {
    try {
      resolveFulfillmentConfig({ seed: 0, ...option });
    } catch (error) {
      throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  };
  if (seed !== undefined) {
    check('OUTPOST_FULFILLMENT_SEED', { seed });
    options.seed = seed;
  }
  if (falloutRate !== undefined) {
    check('OUTPOST_FALLOUT_RATE', { falloutRate });
    options.falloutRate = falloutRate;
  }
  if (intervalMs !== undefined) {
    check('OUTPOST_FULFILLMENT_INTERVAL_MS', { intervalMs });
    options.intervalMs = intervalMs;
  }
  if (leaseMs !== undefined) {
    check('OUTPOST_FULFILLMENT_LEASE_MS', { leaseMs, intervalMs: intervalMs ?? DEFAULT_INTERVAL_MS });
    options.leaseMs = leaseMs;
  }
  return options;
}
