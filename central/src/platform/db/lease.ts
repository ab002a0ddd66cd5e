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
  /** One run; a long one checks `stillHolding` between its pieces and stops when it turns false. */
  task(stillHolding: () => boolean): Promise<unknown>;
  log(message: string, error?: unknown): void;
}

/**
 * A timer only one instance on the database acts on. Each instance tries to take or renew the
 * lease three times per lease period, on its own timer, so a task running longer than the lease
 * keeps it; the holder runs the task every interval, a run never overtaken by the next. When
 * the holder dies its lease runs out and the next instance to try takes over; a clean stop
 * hands it over at once.
 */
export function runSingleton(app: FastifyInstance, db: Queryable, job: SingletonJob): void {
  let running: Promise<void> | undefined;
  let renewing: Promise<void> | undefined;
  let stopped = false;
  let holding = false;
  const renew = (): void => {
    if (renewing || stopped) return;
    renewing = claimLease(db, job.name, job.holder, job.leaseMs)
      .then(
        (held) => {
          if (held !== holding) job.log(held ? `${job.holder} now runs ${job.name}` : `${job.holder} no longer runs ${job.name}`);
          holding = held && !stopped;
        },
        (error: unknown) => {
          // Unsure whether the lease still holds: act as if not until a renewal succeeds.
          holding = false;
          job.log(`could not renew the ${job.name} lease`, error);
        },
      )
      .finally(() => {
        renewing = undefined;
      });
  };
  const stillHolding = (): boolean => holding && !stopped;
  const renewal = setInterval(renew, Math.max(1, Math.floor(job.leaseMs / 3)));
  const timer = setInterval(() => {
    if (running || !stillHolding()) return;
    running = job
      .task(stillHolding)
      .then(() => undefined)
      .catch((error: unknown) => job.log(`${job.name} failed on ${job.holder}`, error))
      .finally(() => {
        running = undefined;
      });
  }, job.intervalMs);
  renew();
  // Runs before the database closes: no tick is left writing to a closed database.
  app.addHook('onClose', async () => {
    stopped = true;
    clearInterval(timer);
    clearInterval(renewal);
    await Promise.all([running, renewing]);
    await releaseLease(db, job.name, job.holder).catch((error: unknown) => job.log(`could not release ${job.name}`, error));
  });
}
