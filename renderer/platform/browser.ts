import { isSecretKey, type AppInfo, type OutpostBridge, type SecretKey } from '../../shared/bridge';

interface BrowserConfig {
  centralUrl: string;
  demoMode: boolean;
}

const secretSlot = (key: SecretKey) => `outpost.secret.${key}`;

/**
 * The bridge for the browser build, with web APIs. The server of the browser build tells
 * where the central system is (`/outpost-config.json`). There is no OS keychain here, so
 * secrets stay in this origin's storage: the browser build is for development and tests.
 */
export const browserPlatform: OutpostBridge = {
  app: {
    async getInfo(): Promise<AppInfo> {
      const response = await fetch('/outpost-config.json', { cache: 'no-store' });
      if (!response.ok) throw new Error(`The app's configuration could not be loaded (${response.status})`);
      const config = (await response.json()) as BrowserConfig;
      return { name: 'Outpost', version: __APP_VERSION__, shell: 'browser', centralUrl: config.centralUrl, demoMode: config.demoMode };
    },
  },
  secrets: {
    async get(key) {
      if (!isSecretKey(key)) throw new Error(`Unknown secret ${String(key)}`);
      return localStorage.getItem(secretSlot(key));
    },
    async set(key, value) {
      if (!isSecretKey(key)) throw new Error(`Unknown secret ${String(key)}`);
      localStorage.setItem(secretSlot(key), value);
    },
    async delete(key) {
      if (!isSecretKey(key)) throw new Error(`Unknown secret ${String(key)}`);
      localStorage.removeItem(secretSlot(key));
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
};
