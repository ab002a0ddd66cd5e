/**
 * Packages the app the way a release does (electron-builder with electron-builder.yml), for
 * Linux as an unpacked folder, and checks what ships: the bundles are in app.asar, nothing else
 * is (no sources, no node_modules, no central system), the Electron fuses are flipped and the
 * update feed is configured.
 *
 * No Electron binary can be downloaded here, so `electronDist` points at a stand-in: a shell
 * script named `electron` that carries the fuse sentinel and a default fuse wire, which is all
 * electron-builder needs to copy, rename and flip. Slow: it builds the app first.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import asar from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeb } from './debPackage';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SLOW = 10 * 60_000;

/** @electron/fuses: the wire follows this marker, then version 1, length 8, one byte per fuse. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's defaults: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, integrity off, only-asar off, v8 snapshot off, file:// privileges on. */
const DEFAULT_FUSE_WIRE = '10110001';
const FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;

const DEV_DEPENDENCIES = [
  'react',
  'react-dom',
  'vite',
  'rxdb',
  'rxjs',
  'xstate',
  'electron',
  'typescript',
  'esbuild',
  'dexie',
  'fastify',
  '@electric-sql',
];

describe('packaged app (electron-builder --linux dir)', () => {
  let work: string;
  let appDir: string;
  let entries: string[];

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'outpost-package-'));
    const electronDist = path.join(work, 'electron-dist');
    await mkdir(electronDist);
    const standIn = `#!/bin/sh\necho "Electron stand-in for packaging tests; it cannot run the app." >&2\nexit 1\n# ${FUSE_SENTINEL}\x01\x08${DEFAULT_FUSE_WIRE}\n`;
    await writeFile(path.join(electronDist, 'electron'), standIn, 'latin1');
    await chmod(path.join(electronDist, 'electron'), 0o755);
    // A real Electron folder has these beside the binary; the deb tool reads both.
    await writeFile(path.join(electronDist, 'LICENSE'), 'Copyright (c) Electron contributors (stand-in for packaging tests)\n');

    await run('npm', ['run', 'build'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });

    const electronVersion = (
      JSON.parse(await readFile(path.join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }
    ).version;
    await writeFile(path.join(electronDist, 'version'), electronVersion);
    const output = path.join(work, 'out');
    await run(
      path.join(ROOT, 'node_modules', '.bin', 'electron-builder'),
      [
        '--linux',
        'dir',
        '--publish',
        'never',
        `-c.electronDist=${electronDist}`,
        `-c.electronVersion=${electronVersion}`,
        `-c.directories.output=${output}`,
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          ELECTRON_BUILDER_7ZIP_PATH: process.env.ELECTRON_BUILDER_7ZIP_PATH ?? '/usr/bin/7za',
          CSC_IDENTITY_AUTO_DISCOVERY: 'false',
        },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    appDir = path.join(output, 'linux-unpacked');
    entries = asar
      .listPackage(path.join(appDir, 'resources', 'app.asar'), { isPack: false })
      .map((entry) => entry.split(path.sep).join('/').replace(/^\/?/, ''));
  }, SLOW);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('ships the main, preload and renderer bundles', () => {
    for (const file of ['dist/main/main.cjs', 'dist/main/preload.cjs', 'dist/renderer/index.html', 'package.json']) {
      expect(entries, file).toContain(file);
    }
    expect(
      entries.some((e) => /^dist\/renderer\/assets\/.+\.js$/.test(e)),
      'renderer scripts',
    ).toBe(true);
  });

  it('ships nothing else: no node_modules, sources, source maps or central system', () => {
    const unexpected = entries.filter((e) => !/^(dist\/main|dist\/renderer|dist)(\/|$)/.test(e) && e !== 'package.json');
    expect(unexpected).toEqual([]);
    expect(entries.filter((e) => e.includes('node_modules'))).toEqual([]);
    for (const dep of DEV_DEPENDENCIES)
      expect(
        entries.some((e) => e.includes(`node_modules/${dep}`)),
        dep,
      ).toBe(false);
    expect(entries.filter((e) => /\.(ts|tsx|map)$/.test(e))).toEqual([]);
    expect(entries.filter((e) => /(^|\/)(central|shared|renderer\/features|test)\//.test(e) && !e.startsWith('dist/renderer/'))).toEqual(
      [],
    );
    // The browser build (dist/web) is not the desktop app's renderer: only the Electron build ships.
    expect(entries.filter((e) => e.startsWith('dist/web/'))).toEqual([]);
  });

  it('ships a package.json that starts the bundled main and needs no dependencies', () => {
    const pkg = JSON.parse(asar.extractFile(path.join(appDir, 'resources', 'app.asar'), 'package.json').toString('utf8')) as {
      main: string;
      dependencies?: Record<string, string>;
    };
    expect(pkg.main).toBe('dist/main/main.cjs');
    expect(Object.keys(pkg.dependencies ?? {})).toEqual([]);
  });

  it('bundles main and preload so they require nothing but Electron and Node', async () => {
    const preload = await readFile(path.join(ROOT, 'dist', 'main', 'preload.cjs'), 'utf8');
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    const main = await readFile(path.join(ROOT, 'dist', 'main', 'main.cjs'), 'utf8');
    const required = new Set([...main.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1] ?? ''));
    const { builtinModules } = await import('node:module');
    const allowed = new Set(['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    expect([...required].filter((m) => !allowed.has(m))).toEqual([]);
  });

  it('flips the Electron fuses in the packaged executable', async () => {
    const executable = await readFile(path.join(appDir, 'outpost'), 'latin1');
    const at = executable.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
    const wire = executable.slice(at + 2, at + 2 + FUSES.length);
    const fuses = Object.fromEntries(FUSES.map((name, i) => [name, wire[i]]));
    expect(fuses).toMatchObject({
      runAsNode: '0',
      enableCookieEncryption: '1',
      enableNodeOptionsEnvironmentVariable: '0',
      enableNodeCliInspectArguments: '0',
      enableEmbeddedAsarIntegrityValidation: '1',
      onlyLoadAppFromAsar: '1',
      grantFileProtocolExtraPrivileges: '0',
    });
  });

  it('configures the electron-updater feed', async () => {
    const feed = await readFile(path.join(appDir, 'resources', 'app-update.yml'), 'utf8');
    expect(feed).toMatch(/provider: generic/);
    expect(feed).toMatch(/url: https:\/\//);
  });

  it(
    'makes a deb from the dir output: the binary in /usr/lib/outpost, on the PATH, a desktop entry and icons',
    async () => {
      const deb = await buildDeb(appDir, path.join(work, 'deb'), ROOT);
      // The size with the stand-in binary: what Outpost itself adds to Electron's runtime (about 100 MB more in a real release).
      console.log(`installer size: ${path.basename(deb.file)} ${(deb.size / 1024 / 1024).toFixed(2)} MB (Electron stand-in)`);
      expect(deb.control).toMatchObject({ Package: 'outpost', Version: '0.1.0', Architecture: 'amd64' });
      expect(deb.paths).toContain('/usr/lib/outpost/outpost');
      expect(deb.paths).toContain('/usr/lib/outpost/resources/app.asar');
      expect(deb.paths).toContain('/usr/bin/outpost -> ../lib/outpost/outpost');
      for (const size of ['48x48', '256x256', '512x512']) expect(deb.paths).toContain(`/usr/share/icons/hicolor/${size}/apps/outpost.png`);
      const entry = await deb.read('/usr/share/applications/outpost.desktop');
      expect(entry).toMatch(/^\[Desktop Entry\]$/m);
      expect(entry).toMatch(/^Name=Outpost$/m);
      expect(entry).toMatch(/^Exec=outpost %U$/m);
      expect(entry).toMatch(/^Icon=outpost$/m);
      expect(entry).toMatch(/^Type=Application$/m);
      expect(entry).toMatch(/^Categories=Office;$/m);
      expect(deb.size).toBeLessThan(50 * 1024 * 1024);
    },
    SLOW,
  );
});
