/**
 * The one contract between the renderer and the desktop. The preload implements it over
 * IPC (main validates every payload); `renderer/platform/` implements it with web APIs
 * for the browser build. Keep it narrow: each method is a capability the UI really needs.
 */

export interface AppInfo {
  name: string;
  version: string;
  /** Which implementation of this contract is running. */
  shell: 'electron' | 'browser';
  /** Origin of the central system, e.g. `http://127.0.0.1:4010`. */
  centralUrl: string;
  /** Demo mode shows the demo identities on the sign-in screen. */
  demoMode: boolean;
  /** Minutes without input after which the app locks itself (key dropped, store closed). */
  idleLockMinutes: number;
}

/** Default idle time before the app locks, and the range a configuration may set. */
export const DEFAULT_IDLE_LOCK_MINUTES = 15;
export const MAX_IDLE_LOCK_MINUTES = 24 * 60;

/** A usable idle-lock setting (minutes, fractions allowed for tests), or null. */
export function parseIdleLockMinutes(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= MAX_IDLE_LOCK_MINUTES ? value : null;
}

/**
 * The only secrets the renderer may store; anything else is refused. `session`: tokens and
 * the storage key; `unlock`: salted password hashes for offline unlock; `device`: this
 * installation's id for remote wipe.
 */
export const SECRET_KEYS = ['session', 'unlock', 'device'] as const;
export type SecretKey = (typeof SECRET_KEYS)[number];

export interface OutpostBridge {
  app: {
    getInfo(): Promise<AppInfo>;
  };
  /** Kept in the OS keychain (Electron `safeStorage`); browser build: sealed in IndexedDB under a non-extractable key. */
  secrets: {
    get(key: SecretKey): Promise<string | null>;
    set(key: SecretKey, value: string): Promise<void>;
    delete(key: SecretKey): Promise<void>;
  };
  connectivity: {
    /** Whether the machine has a network at all; reachability of the central system is the sync module's business. */
    isOnline(): Promise<boolean>;
  };
  links: {
    /** Opens an allow-listed https URL in the system browser; returns false when refused. */
    openExternal(url: string): Promise<boolean>;
  };
}

/** IPC channel names, one per bridge method. */
export const IPC_CHANNELS = {
  appGetInfo: 'outpost:app.getInfo',
  secretsGet: 'outpost:secrets.get',
  secretsSet: 'outpost:secrets.set',
  secretsDelete: 'outpost:secrets.delete',
  connectivityIsOnline: 'outpost:connectivity.isOnline',
  linksOpenExternal: 'outpost:links.openExternal',
} as const;

export function isSecretKey(value: unknown): value is SecretKey {
  return typeof value === 'string' && (SECRET_KEYS as readonly string[]).includes(value);
}
