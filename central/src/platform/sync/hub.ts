import type { CollectionName } from '../../../../shared/schemas';

/** A committed change of a synced document; `owner` null = reference data everyone sees. */
export interface DocChange {
  collection: CollectionName;
  seq: number;
  owner: string | null;
}

type Listener = (change: DocChange) => void;

/**
 * Pub/sub from committed writes to this instance's open event streams. Alone (PGlite, one
 * instance) a publish is delivered at once. With a relay (PostgreSQL: pgChangeFeed.ts) a publish
 * only wakes the relay, which reads every instance's committed changes from the database and
 * delivers them, so a stream hears of a change whichever instance committed it, exactly once.
 */
export class ChangeHub {
  private readonly listeners = new Set<Listener>();
  private relay: (() => void) | undefined;

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** From now on changes come from `wake`'s owner (through deliver), not from publish. */
  relayThrough(wake: () => void): void {
    this.relay = wake;
  }

  /** Call only after the transaction that made the changes has committed. */
  publish(changes: readonly DocChange[]): void {
    if (changes.length === 0) return;
    if (this.relay) this.relay();
    else this.deliver(changes);
  }

  /** Hands committed changes to every open stream. */
  deliver(changes: readonly DocChange[]): void {
    for (const change of changes) {
      for (const listener of this.listeners) {
        try {
          listener(change);
        } catch {
          // One broken stream must not stop delivery to the others.
        }
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
