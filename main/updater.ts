/**
 * The desktop's updates: electron-updater's generic provider pointed at the central system's
 * `/updates/` feed. Checks at start and whenever the renderer asks (after a sync, at most once a
 * minute), downloads in the background with progress, and installs only when the renderer asks,
 * which it does on the rep's say-so with nothing unsynced (renderer/features/updates). Never on
 * quit by itself: a rep closing the laptop lid must not get a surprise installer.
 * No Electron import: main.ts hands in electron-updater's autoUpdater (only in a packaged app).
 */
import type { OutgoingHttpHeaders } from 'node:http';
import type { InstallAnswer, UpdateState } from '../shared/bridge';

/** The part of electron-updater's AppUpdater this module uses (its own types are structurally this). */
export interface UpdaterPort {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  requestHeaders: OutgoingHttpHeaders | null;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'checking-for-update', listener: () => void): unknown;
  on(event: 'update-available' | 'update-downloaded', listener: (info: UpdateInfoLike) => void): unknown;
  on(event: 'update-not-available', listener: () => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateInfoLike {
  version: string;
  releaseNotes?: string | readonly { version: string; note: string | null }[] | null;
}

export interface UpdaterOptions {
  /** The central system's origin; the feed is `<centralUrl>/updates/`. */
  centralUrl: string;
  /** This installation's id, sent so the central system's staged rollout decides per device. */
  deviceId(): Promise<string | null>;
  /** Least time between two checks the renderer asks for. */
  minCheckIntervalMs?: number;
  now?(): number;
  log?(message: string): void;
}

export interface Updates {
  getState(): UpdateState;
  check(): Promise<UpdateState>;
  install(): InstallAnswer;
}

export const DEFAULT_MIN_CHECK_INTERVAL_MS = 60_000;
const DEVICE_HEADER = 'x-outpost-device';

function notesText(notes: UpdateInfoLike['releaseNotes']): string | null {
  if (!notes) return null;
  if (typeof notes === 'string') return notes;
  return notes.map((entry) => `${entry.version}: ${entry.note ?? ''}`.trim()).join('\n\n') || null;
}

/** A ready update or a reported error is not overwritten by a failed check. */
function isSettled(state: UpdateState): boolean {
  return state.kind === 'ready' || state.kind === 'error';
}

/** Where no updater runs (a development build, the browser build): says why, does nothing. */
export function unavailableUpdates(reason: string): Updates {
  const state: UpdateState = { kind: 'unavailable', reason };
  return { getState: () => state, check: async () => state, install: () => ({ ok: false, reason }) };
}

export function createUpdates(updater: UpdaterPort, options: UpdaterOptions): Updates {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((message: string) => console.warn(message));
  const minInterval = options.minCheckIntervalMs ?? DEFAULT_MIN_CHECK_INTERVAL_MS;
  let state: UpdateState = { kind: 'idle', lastCheckedAt: null };
  let lastCheckAt = -Infinity;
  let lastCheckedAt: string | null = null;
  let checking: Promise<UpdateState> | null = null;

  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = false;
  updater.setFeedURL({ provider: 'generic', url: `${options.centralUrl.replace(/\/+$/, '')}/updates/` });

  updater.on('checking-for-update', () => {
    if (state.kind !== 'downloading' && state.kind !== 'ready') state = { kind: 'checking' };
  });
  updater.on('update-available', (info) => {
    if (state.kind !== 'ready')
      state = { kind: 'downloading', version: info.version, percent: 0, releaseNotes: notesText(info.releaseNotes) };
  });
  updater.on('update-not-available', () => {
    if (state.kind !== 'ready') state = { kind: 'idle', lastCheckedAt };
  });
  updater.on('download-progress', (progress) => {
    if (state.kind === 'downloading') state = { ...state, percent: Math.max(0, Math.min(100, Math.round(progress.percent))) };
  });
  updater.on('update-downloaded', (info) => {
    state = { kind: 'ready', version: info.version, releaseNotes: notesText(info.releaseNotes) };
  });
  updater.on('error', (error) => {
    log(`updates: ${error.message}`);
    // A downloaded update stays installable whatever a later check says.
    if (state.kind !== 'ready') state = { kind: 'error', message: `The update could not be checked or downloaded: ${error.message}` };
  });

  const check = (): Promise<UpdateState> => {
    if (checking) return checking;
    if (state.kind === 'ready' || state.kind === 'downloading' || now() - lastCheckAt < minInterval) return Promise.resolve(state);
    lastCheckAt = now();
    checking = (async () => {
      try {
        const device = await options.deviceId();
        updater.requestHeaders = device ? { [DEVICE_HEADER]: device } : null;
        await updater.checkForUpdates();
        lastCheckedAt = new Date(now()).toISOString();
        if (state.kind === 'idle' || state.kind === 'checking') state = { kind: 'idle', lastCheckedAt };
      } catch (error) {
        // electron-updater also emits 'error'; this covers a failure before it does.
        if (!isSettled(state)) state = { kind: 'error', message: `The update could not be checked: ${(error as Error).message}` };
      } finally {
        checking = null;
      }
      return state;
    })();
    return checking;
  };

  return {
    getState: () => state,
    check,
    install: () => {
      if (state.kind !== 'ready') return { ok: false, reason: 'No update has been downloaded yet.' };
      // isSilent false: the Windows installer shows its progress; isForceRunAfter: Outpost opens again.
      updater.quitAndInstall(false, true);
      return { ok: true };
    },
  };
}
