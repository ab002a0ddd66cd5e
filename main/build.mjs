// Bundles the Electron main process and the preload into dist/main as CommonJS.
// Usage: node main/build.mjs [--sourcemap]   (production builds carry no source maps)
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourcemap = process.argv.includes('--sourcemap') ? 'linked' : false;

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Electron 41 runs Node 22 in main; the sandboxed preload runs in Chromium.
  target: ['node22', 'chrome130'],
  external: ['electron'],
  sourcemap,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
  define: { 'process.env.NODE_ENV': '"production"' },
};

await Promise.all([
  build({ ...common, entryPoints: ['main/main.ts'], outfile: 'dist/main/main.cjs' }),
  build({ ...common, entryPoints: ['main/preload.ts'], outfile: 'dist/main/preload.cjs' }),
]);
console.log('built dist/main/main.cjs and dist/main/preload.cjs');
