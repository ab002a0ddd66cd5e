import type { CentralClient } from './centralClient';
import type { Observable } from 'rxjs';
import type { CollectionName } from '../../shared/schemas';
import type { UpdateRequired } from './versionGate';

/** What the status bar and the screens show about sync. */
export interface SyncStatus {
  /** The central system answers and nothing is stuck (not merely: the laptop has a network). */
  online: boolean;
  /** Connected, but sync is stuck: why, in the rep's words (e.g. a request the central system never answered); null otherwise. */
  stuck: string | null;
  /** ISO time of the last pull that caught up with the central system; survives restarts. */
  lastSyncAt: string | null;
  /** Local changes waiting to go up. */
  pending: number;
  /** Documents downloaded so far during the first sync, of the total (null until known), and seconds left; null once done. */
  initialSync: { done: number; total: number | null; etaSeconds: number | null } | null;
  /** Last sync problem in words, for the status bar; null when fine. */
  problem: string | null;
  /** Set while this app is older than the central system's minimum version: pushes go on, pulls wait for the update. */
  updateRequired?: UpdateRequired | null;
}

export interface SyncEngine {
  readonly status$: Observable<SyncStatus>;
  getStatus(): SyncStatus;
  /** Pull and push everything now (e.g. when the network comes back). */
  syncNow(): void;
  /** The OS reports the network coming or going (browser `online`/`offline` events). */
  setNetworkAvailable(available: boolean): void;
  /** Resolves once every collection has been pulled at least once. */
  awaitInitialSync(): Promise<void>;
  stop(): Promise<void>;
  /**
   * The central system's state of a record as the laptop last knew it (RxDB replication's
   * assumed master), or null when the record never reached it. Optional: the outbox falls back
   * to "never reached it" where an engine cannot tell.
   */
  knownCentralState?(name: CollectionName, id: string): Promise<Record<string, unknown> | null>;
  /**
   * Asks the central system directly, for answers that are no synced collection (TMF645
   * serviceability). Optional: where an engine has none, the feature keeps its cached answers.
   */
  readonly central?: Pick<CentralClient, 'json'>;
}
