import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronRuntime } from './electron-runtime';

describe('findElectronRuntime', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'outpost-electron-'));
    await writeFile(path.join(dir, 'electron'), '#!/bin/sh\nexit 0\n');
    await chmod(path.join(dir, 'electron'), 0o755);
    await writeFile(path.join(dir, 'not-executable'), '');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports why when the electron package has no binary', () => {
    const r = findElectronRuntime({
      env: {},
      requireElectron: () => {
        throw new Error('Electron failed to install correctly, please delete node_modules/electron');
      },
    });
    expect(r.available).toBe(false);
    if (!r.available) expect(r.reason).toMatch(/no binary.*ELECTRON_OVERRIDE_DIST_PATH/);
  });

  it('uses the path the electron package returns when it exists', () => {
    const binary = path.join(dir, 'electron');
    expect(findElectronRuntime({ env: {}, platform: 'linux', requireElectron: () => binary })).toEqual({ available: true, path: binary });
    expect(findElectronRuntime({ env: {}, platform: 'linux', requireElectron: () => path.join(dir, 'missing') }).available).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('refuses a file that is not executable', () => {
    expect(findElectronRuntime({ env: {}, platform: 'linux', requireElectron: () => path.join(dir, 'not-executable') }).available).toBe(false);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const r = findElectronRuntime({ env: { ELECTRON_OVERRIDE_DIST_PATH: dir }, platform: 'linux', electronPackageDir: () => null });
    expect(r).toEqual({ available: true, path: path.join(dir, 'electron') });
    const missing = findElectronRuntime({ env: { ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'nope') }, platform: 'linux', electronPackageDir: () => null });
    expect(missing.available).toBe(false);
  });

  it('finds no runtime on this machine unless one is configured', () => {
    const r = findElectronRuntime();
    if (!process.env.ELECTRON_OVERRIDE_DIST_PATH && !r.available) expect(r.reason.length).toBeGreaterThan(0);
  });
});
