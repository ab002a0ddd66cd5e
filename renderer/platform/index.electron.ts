import type { OutpostBridge } from '../../shared/bridge';

/** Says so at once if the window was opened without the preload, instead of failing later. */
function preloadBridge(): OutpostBridge {
  const bridge = window.outpost;
  if (!bridge)
    throw new Error(
      'Outpost desktop bridge missing: the Electron build needs the preload (dist/main/preload.cjs) that exposes window.outpost',
    );
  return bridge;
}

/**
 * The Electron build's platform: the preload's bridge over IPC, nothing else. The build
 * chooses this file for `vite build --mode electron` (renderer/vite.config.ts); the browser
 * implementation (IndexedDB-sealed secrets) is not in this bundle.
 */
export const platform: OutpostBridge = preloadBridge();
