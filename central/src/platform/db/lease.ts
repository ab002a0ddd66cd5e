import type { FastifyInstance } from 'fastify';
import type { Queryable } from './db';

/**
 * Takes or renews the lease `name` for `holder` until now + leaseMs (the database's clock, so
 * instances' clocks need not agree). True when `holder` holds it now: it was free, expired,
 * or already `holder`'s.
 */
export async function claimLease(db: Queryable, name: string, holder: string, leaseMs: number): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO instance_leases (name, holder, lease_until) VALUES ($1, $2, now() + $3::integer * interval '1 millisecond')
     ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, lease_until = EXCLUDED.lease_until
      WHERE instance_leases.holder = EXCLUDED.holder OR instance_leases.lease_until < now()
     RETURNING holder`,
    [name, holder, leaseMs],
  );
  return rows.length > 0;
}

/** Gives the lease up at once (a clean stop), so another instance need not wait for it to expire. */
export async function releaseLease(db: Queryable, name: string, holder: string): Promise<void> {
  await db.query('DELETE FROM instance_leases WHERE name = $1 AND holder = $2', [name, holder]);
}

export interface SingletonJob {
  /** The lease's name, one per job, e.g. 'fulfillment'. */
  name: string;
  /** This instance, as the lease row names it. */
  holder: string;
  intervalMs: number;
  /** How long a holder that stopped renewing (killed, hung, cut off) keeps the job from the others. */
  leaseMs: number;
  task(): Promise<unknown>;
  log(message: string, error?: unknown): void;
}

/**
 * A timer only one instance on the database acts on: every interval each instance tries to
 * take or renew the lease, and the one holding it runs the task. When the holder dies its lease
 * runs out and the next instance to try takes over; a clean stop hands it over at once. A tick
 * is never overtaken by the next, and the lease is renewed before each task, so leaseMs must be
 * longer than the interval plus the slowest task.
 */
export function runSingleton(app: FastifyInstance, db: Queryable, job: SingletonJob): void {
  let running: Promise<void> | undefined;
  let stopped = false;
  let holding = false;
  const tick = async (): Promise<void> => {
    const held = await claimLease(db, job.name, job.holder, job.leaseMs);
    if (held !== holding) job.log(held ? `${job.holder} now runs ${job.name}` : `${job.holder} no longer runs ${job.name}`);
    holding = held;
    if (held && !stopped) await job.task();
  };
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = tick()
      .catch((error: unknown) => job.log(`${job.name} failed on ${job.holder}`, error))
      .finally(() => {
        running = undefined;
      });
  }, job.intervalMs);
  // Runs before the database closes: no tick is left writing to a closed database.
  app.addHook('onClose', async () => {
    stopped = true;
    clearInterval(timer);
    await running;
    if (holding) await releaseLease(db, job.name, job.holder).catch((error: unknown) => job.log(`could not release ${job.name}`, error));
  });
}
