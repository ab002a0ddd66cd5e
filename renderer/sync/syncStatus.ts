import type { Observable } from 'rxjs';

/** What the status bar and the screens show about sync. */
export interface SyncStatus {
  /** The central system answered the last request (not merely: the laptop has a network). */
  online: boolean;
  /** ISO time of the last pull that caught up with the central system; survives restarts. */
  lastSyncAt: string | null;
  /** Local changes waiting to go up. */
  pending: number;
  /** Documents downloaded so far during the first sync, of the total (null until known), and seconds left; null once done. */
  initialSync: { done: number; total: number | null; etaSeconds: number | null } | null;
  /** Last sync problem in words, for the status bar; null when fine. */
  problem: string | null;
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
}
