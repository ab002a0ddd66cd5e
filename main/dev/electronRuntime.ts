/**
 * Finds an Electron binary to run, or says why there is none. The `electron` npm package
 * normally downloads its binary on install; where that cannot happen (this workplace) there
 * is none. Since Electron 45, `require('electron')` tries to download a missing binary right
 * then, so this never calls it: it reads the package's path.txt and looks in its dist/.
 * ELECTRON_OVERRIDE_DIST_PATH points at an unpacked Electron folder instead, as the
 * `electron` package itself honours it.
 */
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ElectronRuntime = { available: true; path: string } | { available: false; reason: string };

export interface FindElectronOptions {
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  /** The `electron` package folder (its path.txt and dist/); injectable for tests. */
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
  const packageDir = (options.electronPackageDir ?? defaultPackageDir)();
  const pathTxt = packageDir ? path.join(packageDir, 'path.txt') : null;
  const relative = pathTxt && existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : null;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  let candidate: string;
  if (override) candidate = path.join(override, relative ?? executableInDist(platform));
  else if (packageDir && relative) candidate = path.join(packageDir, 'dist', relative);
  else {
    return {
      available: false,
      reason: 'the electron npm package has no binary installed; set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron',
    };
  }
  try {
    if (!statSync(candidate).isFile()) return { available: false, reason: `${candidate} is not a file` };
    if (platform !== 'win32') accessSync(candidate, constants.X_OK);
  } catch {
    return { available: false, reason: `no executable Electron binary at ${candidate}` };
  }
  return { available: true, path: candidate };
}
