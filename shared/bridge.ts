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

/**
 * Where an update stands. Desktop: electron-updater against the central system's /updates/ feed,
 * checked at start and after syncs, downloaded in the background, installed only when the rep says
 * so. Browser build: always `unavailable` (the site serves the newest app on reload).
 */
export type UpdateState =
  | { kind: 'unavailable'; reason: string }
  | { kind: 'idle'; lastCheckedAt: string | null }
  | { kind: 'checking' }
  | { kind: 'downloading'; version: string; percent: number; releaseNotes: string | null }
  | { kind: 'ready'; version: string; releaseNotes: string | null }
  | { kind: 'error'; message: string };

/**
 * Answer of `documents.savePdf`: where it went (the file name only: the renderer learns no path),
 * or why not (the rep closed the dialog, the disk refused it).
 */
export type SaveAnswer = { saved: true; name: string } | { saved: false; cancelled: boolean; reason: string };

/** A PDF the renderer may hand over to be kept: its file name and size, checked in main and in the browser build alike. */
export const MAX_PDF_BYTES = 20 * 1024 * 1024;
const PDF_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,119}\.pdf$/;

/** Null when the name is a plain file name ending in .pdf (no folder, no dots leading anywhere), otherwise why not. */
export function pdfFileNameProblem(name: unknown): string | null {
  if (typeof name !== 'string' || !PDF_FILE_NAME.test(name) || name.includes('..')) {
    return 'the file name must be letters, digits, dots, dashes or underscores ending in .pdf';
  }
  return null;
}

/** Null when the bytes are a PDF of an acceptable size, otherwise why not. */
export function pdfBytesProblem(bytes: unknown): string | null {
  if (!(bytes instanceof Uint8Array)) return 'the document must be bytes';
  if (bytes.length === 0 || bytes.length > MAX_PDF_BYTES) return `the document must be between 1 byte and ${MAX_PDF_BYTES} bytes`;
  const head = String.fromCharCode(...bytes.subarray(0, 5));
  if (head !== '%PDF-') return 'the document is not a PDF';
  return null;
}

/** Answer of `updates.install`: refused while no update is downloaded, with why. */
export type InstallAnswer = { ok: true } | { ok: false; reason: string };

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
  /** Documents the rep hands the customer. */
  documents: {
    /**
     * Offers a PDF to keep: the desktop's save dialog, where the rep chooses the folder (main
     * writes only there, only a .pdf), or the browser's download. The renderer names no path.
     */
    savePdf(fileName: string, bytes: Uint8Array): Promise<SaveAnswer>;
  };
  /** No way to pick a feed, a file or a version: main knows where updates come from. */
  updates: {
    getState(): Promise<UpdateState>;
    /** Asks the feed now (the renderer calls it after a sync); main keeps checks at least a minute apart. */
    check(): Promise<UpdateState>;
    /** Restarts into the downloaded update. The renderer calls it only on the rep's say-so with nothing unsynced or unsaved. */
    install(): Promise<InstallAnswer>;
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
  updatesGetState: 'outpost:updates.getState',
  updatesCheck: 'outpost:updates.check',
  updatesInstall: 'outpost:updates.install',
  documentsSavePdf: 'outpost:documents.savePdf',
} as const;

export function isSecretKey(value: unknown): value is SecretKey {
  return typeof value === 'string' && (SECRET_KEYS as readonly string[]).includes(value);
}
