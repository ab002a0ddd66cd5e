import type { CollectionName } from '../../../../shared/schemas';

/** A committed change of a synced document; `owner` null = reference data everyone sees. */
export interface DocChange {
  collection: CollectionName;
  seq: number;
  owner: string | null;
}

type Listener = (change: DocChange) => void;

/**
 * In-process pub/sub from committed writes to open event streams. Enough for one instance;
 * several instances behind a load balancer would relay through PostgreSQL LISTEN/NOTIFY.
 */
export class ChangeHub {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Call only after the transaction that made the changes has committed. */
  publish(changes: readonly DocChange[]): void {
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
