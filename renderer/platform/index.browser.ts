import type { OutpostBridge } from '../../shared/bridge';
import { browserPlatform } from './browser';

/**
 * The browser build's platform: web APIs only (secrets sealed in IndexedDB, configuration
 * from the serving origin). The build chooses this file for `vite build --mode browser`
 * (renderer/vite.config.ts); the Electron build never contains it.
 */
export const platform: OutpostBridge = browserPlatform;
