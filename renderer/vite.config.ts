import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/** The two builds: `--mode electron` (what app:// serves, packaged) and `--mode browser`. */
export const PLATFORM_TARGETS = {
  electron: '../dist/renderer',
  browser: '../dist/web',
} as const;
export type PlatformTarget = keyof typeof PLATFORM_TARGETS;

function isTarget(mode: string): mode is PlatformTarget {
  return mode in PLATFORM_TARGETS;
}

/**
 * Resolves the platform contract (renderer/platform/index.ts) to the target's implementation,
 * as Actual Budget does with index.electron.ts / index.browser.ts: the choice is made here, at
 * build time, so each bundle holds only its own platform code. By resolved file, not by import
 * text, so every relative path to renderer/platform reaches it.
 */
export function platformTarget(target: PlatformTarget): Plugin {
  const contract = fileURLToPath(new URL('./platform/index.ts', import.meta.url));
  const chosen = fileURLToPath(new URL(`./platform/index.${target}.ts`, import.meta.url));
  return {
    name: 'outpost-platform',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.includes('platform')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === contract ? chosen : null;
    },
  };
}

// Relative base: app:// (Electron) and http:// (browser build) both serve the bundle from its root.
export default defineConfig(({ mode }) => {
  if (!isTarget(mode)) throw new Error(`Build the renderer with --mode electron or --mode browser (got "${mode}")`);
  return {
    root,
    base: './',
    plugins: [react(), platformTarget(mode)],
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    build: {
      outDir: fileURLToPath(new URL(PLATFORM_TARGETS[mode], import.meta.url)),
      emptyOutDir: true,
      sourcemap: false,
      // No module preload polyfill: it is an inline script, which the CSP forbids.
      modulePreload: { polyfill: false },
    },
  };
});
