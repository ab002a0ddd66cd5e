import { randomUUID } from 'node:crypto';
import type { Db } from '../db/db';
import {
  claimDueSubscriptions,
  finishDelivery,
  pendingDeliveries,
  postponeDelivery,
  releaseAllLeases,
  releaseLease,
  renewLease,
  type ClaimedSubscription,
} from './deliveryStore';
import { EMPTY_ALLOW_LIST, parseAllowList, type CallbackAllowList } from './callbackAddress';
import { CallbackRefused, postToCallback } from './callbackTarget';
import type { TmfEvent } from './eventLog';

export interface DeliveryOptions {
  /** How often the queue is checked for due deliveries; default 1000 ms. */
  pollIntervalMs: number;
  /** Attempts per event before it is given up (and logged); default 6. */
  maxAttempts: number;
  /** Wait after the first failed attempt, doubled after each further one; default 2000 ms (6 attempts span ~1 minute). */
  retryBaseMs: number;
  /** A callback that has not answered by then has failed; default 10000 ms. */
  requestTimeoutMs: number;
  /** Subscriptions delivered to in parallel by one instance; default 8. */
  concurrency: number;
  /** Hosts, addresses and CIDRs callbacks may reach although internal (callbackAddress.ts); default none. */
  allowedHosts?: readonly string[];
}

export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = {
  pollIntervalMs: 1000,
  maxAttempts: 6,
  retryBaseMs: 2000,
  requestTimeoutMs: 10_000,
  concurrency: 8,
};

export interface DispatcherLog {
  warn(message: string): void;
  error(message: string, error: unknown): void;
}

const BATCH = 20;

/**
 * Posts queued events (see recordEvent) to the hub callbacks: per subscription one at a time in
 * event order, at least once (a receiver de-duplicates by eventId), failed attempts retried
 * with exponential backoff up to `maxAttempts`. All state lives in the database, so a restart
 * resumes where the last instance stopped and several instances can share the work.
 */
export class EventDispatcher {
  private readonly instance = randomUUID();
  private readonly abort = new AbortController();
  private readonly active = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private tick: Promise<void> | undefined;
  private stopped = false;
  private readonly allow: CallbackAllowList;

  constructor(
    private readonly db: Db,
    private readonly options: DeliveryOptions,
    private readonly log: DispatcherLog,
  ) {
    this.allow = options.allowedHosts ? parseAllowList(options.allowedHosts) : EMPTY_ALLOW_LIST;
  }

  start(): void {
    this.schedule(0);
  }

  /** Stops polling, abandons attempts in flight (they count as not made) and frees the leases. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.timer);
    this.abort.abort();
    await this.tick;
    await Promise.allSettled(this.active.values());
    await releaseAllLeases(this.db, this.instance).catch((error: unknown) =>
      this.log.error('could not free the hub delivery leases', error),
    );
  }

  private get leaseMs(): number {
    return this.options.requestTimeoutMs * 2 + 5_000;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.tick = this.claimAndDeliver().finally(() => this.schedule(this.options.pollIntervalMs));
    }, delay);
    this.timer.unref();
  }

  private async claimAndDeliver(): Promise<void> {
    try {
      const free = this.options.concurrency - this.active.size;
      for (const subscription of await claimDueSubscriptions(this.db, this.instance, this.leaseMs, free)) {
        const work = this.deliver(subscription).finally(() => this.active.delete(subscription.id));
        this.active.set(subscription.id, work);
      }
    } catch (error) {
      if (!this.stopped) this.log.error('hub delivery: could not read the queue', error);
    }
  }

  private async deliver(subscription: ClaimedSubscription): Promise<void> {
    try {
      let failed = subscription.failedAttempts;
      for (;;) {
        const batch = await pendingDeliveries(this.db, subscription.id, BATCH);
        if (batch.length === 0) break;
        for (const { seq, event } of batch) {
          if (this.stopped || !(await renewLease(this.db, subscription.id, this.instance, this.leaseMs))) return;
          const accepted = await this.post(subscription.callback, event);
          if (this.stopped) return;
          if (accepted) {
            await finishDelivery(this.db, subscription.id, seq);
            failed = 0;
            continue;
          }
          failed += 1;
          if (failed >= this.options.maxAttempts) {
            this.log.warn(`hub delivery: gave up on event ${event.eventId} for subscription ${subscription.id} after ${failed} attempts`);
            await finishDelivery(this.db, subscription.id, seq);
            failed = 0;
            continue;
          }
          await postponeDelivery(this.db, subscription.id, this.instance, failed, this.options.retryBaseMs * 2 ** (failed - 1));
          return;
        }
      }
      await releaseLease(this.db, subscription.id, this.instance);
    } catch (error) {
      if (this.stopped) return;
      this.log.error(`hub delivery to subscription ${subscription.id} failed`, error);
      await releaseLease(this.db, subscription.id, this.instance).catch(() => undefined);
    }
  }

  /**
   * One attempt: any 2xx is acceptance (v4 listeners answer 201, v5 ones 204). The callback is
   * checked again here, after DNS resolution: a name can point somewhere else than at registration.
   */
  private async post(callback: string, event: TmfEvent): Promise<boolean> {
    try {
      const status = await postToCallback(callback, JSON.stringify(event), {
        allow: this.allow,
        signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.options.requestTimeoutMs)]),
      });
      return status >= 200 && status < 300;
    } catch (error) {
      if (error instanceof CallbackRefused) this.log.warn(`hub delivery: not posting event ${event.eventId}: ${error.message}`);
      return false;
    }
  }
}
