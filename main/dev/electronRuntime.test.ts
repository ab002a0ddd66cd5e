import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronRuntime } from './electronRuntime';

describe('findElectronRuntime', () => {
  let dir: string;
  /** A stand-in `electron` package folder: path.txt names the binary inside dist/. */
  let pkg: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'outpost-electron-'));
    await writeFile(path.join(dir, 'electron'), '#!/bin/sh\nexit 0\n');
    await chmod(path.join(dir, 'electron'), 0o755);
    pkg = path.join(dir, 'pkg');
    await mkdir(path.join(pkg, 'dist'), { recursive: true });
    await writeFile(path.join(pkg, 'path.txt'), 'electron');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports why when the electron package has no binary', () => {
    const r = findElectronRuntime({ env: {}, platform: 'linux', electronPackageDir: () => pkg });
    expect(r.available).toBe(false);
    if (!r.available) expect(r.reason).toMatch(/no executable Electron binary/);
    const none = findElectronRuntime({ env: {}, platform: 'linux', electronPackageDir: () => null });
    if (!none.available) expect(none.reason).toMatch(/no binary.*ELECTRON_OVERRIDE_DIST_PATH/);
    expect(none.available).toBe(false);
  });

  it('uses the binary the electron package installed', async () => {
    await writeFile(path.join(pkg, 'dist', 'electron'), '#!/bin/sh\nexit 0\n');
    await chmod(path.join(pkg, 'dist', 'electron'), 0o755);
    expect(findElectronRuntime({ env: {}, platform: 'linux', electronPackageDir: () => pkg })).toEqual({
      available: true,
      path: path.join(pkg, 'dist', 'electron'),
    });
    await rm(path.join(pkg, 'dist', 'electron'));
  });

  it.skipIf(process.platform === 'win32')('refuses a file that is not executable', async () => {
    const plain = path.join(dir, 'plain');
    await mkdir(plain, { recursive: true });
    await writeFile(path.join(plain, 'electron'), '');
    const r = findElectronRuntime({ env: { ELECTRON_OVERRIDE_DIST_PATH: plain }, platform: 'linux', electronPackageDir: () => null });
    expect(r.available).toBe(false);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const r = findElectronRuntime({ env: { ELECTRON_OVERRIDE_DIST_PATH: dir }, platform: 'linux', electronPackageDir: () => null });
    expect(r).toEqual({ available: true, path: path.join(dir, 'electron') });
    const missing = findElectronRuntime({
      env: { ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'nope') },
      platform: 'linux',
      electronPackageDir: () => null,
    });
    expect(missing.available).toBe(false);
  });

  it('agrees with what the installed electron package holds, without asking it to download', () => {
    const packageDir = path.dirname(require.resolve('electron/package.json'));
    const pathTxt = path.join(packageDir, 'path.txt');
    const binary = existsSync(pathTxt) ? path.join(packageDir, 'dist', readFileSync(pathTxt, 'utf8').trim()) : null;
    expect(findElectronRuntime({ env: {} }).available).toBe(binary !== null && existsSync(binary));
  });
});
