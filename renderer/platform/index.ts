import type { OutpostBridge } from '../../shared/bridge';
import { browserPlatform } from './browser';

/** The desktop's bridge when running in Electron, the web implementation otherwise. */
export const platform: OutpostBridge = window.outpost ?? browserPlatform;
