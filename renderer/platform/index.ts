/**
 * The platform contract as the renderer imports it (`import { platform } from '../platform'`).
 * There is no runtime choice: each build resolves this module to its own implementation,
 * `index.electron.ts` or `index.browser.ts` (the `outpost-platform` plugin in
 * renderer/vite.config.ts). A bundle built without that plugin fails, since nothing here
 * exports a value. platformContract.ts checks at compile time that both implement it.
 */
import type { OutpostBridge } from '../../shared/bridge';

export declare const platform: OutpostBridge;
