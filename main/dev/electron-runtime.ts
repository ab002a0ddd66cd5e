/**
 * Finds an Electron binary to run, or says why there is none. The `electron` npm package
 * normally downloads its binary on install; where that cannot happen (this workplace),
 * `require('electron')` throws. ELECTRON_OVERRIDE_DIST_PATH points at an unpacked Electron
 * folder instead, as the `electron` package itself honours it.
 */
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ElectronRuntime = { available: true; path: string } | { available: false; reason: string };

export interface FindElectronOptions {
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  /** Resolves the `electron` package's main export (the binary path); injectable for tests. */
  requireElectron?: () => unknown;
  /** The `electron` package folder, to read its path.txt under an override. */
  electronPackageDir?: () => string | null;
}

const requireHere = createRequire(import.meta.url);

function defaultPackageDir(): string | null {
  try {
    return path.dirname(requireHere.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The binary's path inside an Electron dist folder, per platform (as the package's path.txt says). */
export function executableInDist(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

export function findElectronRuntime(options: FindElectronOptions = {}): ElectronRuntime {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  let candidate: string;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const packageDir = (options.electronPackageDir ?? defaultPackageDir)();
    const pathTxt = packageDir ? path.join(packageDir, 'path.txt') : null;
    const relative = pathTxt && existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : executableInDist(platform);
    candidate = path.join(override, relative);
  } else {
    let resolved: unknown;
    try {
      resolved = (options.requireElectron ?? (() => requireHere('electron')))();
    } catch {
      return {
        available: false,
        reason: 'the electron npm package has no binary installed; set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron',
      };
    }
    if (typeof resolved !== 'string') return { available: false, reason: 'require("electron") did not return a binary path' };
    candidate = resolved;
  }
  try {
    if (!statSync(candidate).isFile()) return { available: false, reason: `${candidate} is not a file` };
    if (platform !== 'win32') accessSync(candidate, constants.X_OK);
  } catch {
    return { available: false, reason: `no executable Electron binary at ${candidate}` };
  }
  return { available: true, path: candidate };
}
