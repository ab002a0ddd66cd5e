import {
  DEFAULT_IDLE_LOCK_MINUTES,
  isSecretKey,
  parseIdleLockMinutes,
  pdfBytesProblem,
  pdfFileNameProblem,
  type AppInfo,
  type OutpostBridge,
} from '../../shared/bridge';
import { browserSecrets } from './browserSecrets';

const BROWSER_UPDATES = {
  kind: 'unavailable',
  reason: 'Updates come from the site: the browser version is always the one the site serves, reload the page to get it.',
} as const;

interface BrowserConfig {
  centralUrl: string;
  demoMode: boolean;
  idleLockMinutes?: unknown;
}

/**
 * The bridge for the browser build, with web APIs. The server of the browser build tells
 * where the central system is (`/outpost-config.json`). There is no OS keychain here: secrets
 * are sealed in IndexedDB under a non-extractable key (browserSecrets.ts), never in web storage.
 */
export const browserPlatform: OutpostBridge = {
  app: {
    async getInfo(): Promise<AppInfo> {
      const response = await fetch('/outpost-config.json', { cache: 'no-store' });
      if (!response.ok) throw new Error(`The app's configuration could not be loaded (${response.status})`);
      const config = (await response.json()) as BrowserConfig;
      return {
        name: 'Outpost',
        version: __APP_VERSION__,
        shell: 'browser',
        centralUrl: config.centralUrl,
        demoMode: config.demoMode,
        idleLockMinutes: parseIdleLockMinutes(config.idleLockMinutes) ?? DEFAULT_IDLE_LOCK_MINUTES,
      };
    },
  },
  secrets: {
    async get(key) {
      if (!isSecretKey(key)) throw new Error(`Unknown secret ${String(key)}`);
      return browserSecrets.get(key);
    },
    async set(key, value) {
      if (!isSecretKey(key)) throw new Error(`Unknown secret ${String(key)}`);
      await browserSecrets.set(key, value);
    },
    async delete(key) {
      if (!isSecretKey(key)) throw new Error(`Unknown secret ${String(key)}`);
      await browserSecrets.delete(key);
    },
  },
  connectivity: {
    async isOnline() {
      return navigator.onLine;
    },
  },
  links: {
    async openExternal(url) {
      if (!/^https:\/\//.test(url)) return false;
      return window.open(url, '_blank', 'noopener,noreferrer') !== null;
    },
  },
  // The browser's own download: it asks where, or puts it in the downloads folder, as the rep has set it.
  documents: {
    async savePdf(fileName, bytes) {
      const problem = pdfFileNameProblem(fileName) ?? pdfBytesProblem(bytes);
      if (problem !== null) return { saved: false, cancelled: false, reason: `Not saved: ${problem}` };
      const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
      try {
        const link = document.createElement('a');
        link.href = url;
        link.download = fileName;
        link.rel = 'noopener';
        link.click();
      } finally {
        // After the click has handed the blob to the download.
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      }
      return { saved: true, name: fileName };
    },
  },
  // The site serves the newest app: a reload is the update.
  updates: {
    getState: async () => BROWSER_UPDATES,
    check: async () => BROWSER_UPDATES,
    install: async () => ({ ok: false, reason: BROWSER_UPDATES.reason }),
  },
};
