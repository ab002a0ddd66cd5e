import type { OutpostBridge } from '../../shared/bridge';

declare global {
  interface Window {
    /** Present in the Electron app (exposed by the preload); absent in the browser build. */
    outpost?: OutpostBridge;
  }
  /** The app version, injected at build time. */
  const __APP_VERSION__: string;
}
