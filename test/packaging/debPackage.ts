/**
 * Builds the Debian package from electron-builder's `dir` output with electron-installer-debian
 * (offline: it only needs dpkg-deb and fakeroot), since electron-builder's own deb target
 * downloads fpm. Used by package.test.ts on the unpacked app it makes.
 */
import { execFile } from 'node:child_process';
import { copyFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import installer from 'electron-installer-debian';

const run = promisify(execFile);

export interface BuiltDeb {
  file: string;
  size: number;
  /** `dpkg-deb --contents`: every path in the package, without the leading `.`. */
  paths: string[];
  /** `dpkg-deb --field`: the control fields. */
  control: Record<string, string>;
  /** A file's text inside the package. */
  read(file: string): Promise<string>;
}

export async function buildDeb(appDir: string, dest: string, root: string): Promise<BuiltDeb> {
  // The tool copies <src>/LICENSE into the package's copyright file; electron-builder renamed Electron's to LICENSE.electron.txt.
  const entries = await readdir(appDir);
  if (!entries.includes('LICENSE') && entries.includes('LICENSE.electron.txt')) {
    await copyFile(path.join(appDir, 'LICENSE.electron.txt'), path.join(appDir, 'LICENSE'));
  }
  await installer({
    src: appDir,
    dest,
    arch: 'amd64',
    options: {
      name: 'outpost',
      productName: 'Outpost',
      genericName: 'Field sales',
      description: 'Offline field sales, synced with the central system',
      bin: 'outpost',
      categories: ['Office'],
      icon: {
        '48x48': path.join(root, 'build/icons/48x48.png'),
        '256x256': path.join(root, 'build/icons/256x256.png'),
        '512x512': path.join(root, 'build/icons/512x512.png'),
      },
      maintainer: 'Outpost IT <it@outpost.example>',
    },
  });
  const name = (await readdir(dest)).find((entry) => entry.endsWith('.deb'));
  if (!name) throw new Error(`electron-installer-debian wrote no .deb into ${dest}`);
  const file = path.join(dest, name);
  const contents = (await run('dpkg-deb', ['--contents', file], { maxBuffer: 16 * 1024 * 1024 })).stdout;
  const paths = contents
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(/\s+/).slice(5).join(' ').replace(/^\./, ''));
  const fields = (await run('dpkg-deb', ['--field', file])).stdout;
  const control = Object.fromEntries(
    fields
      .split('\n')
      .map((line) => /^([A-Za-z-]+): (.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
  return {
    file,
    size: (await stat(file)).size,
    paths,
    control,
    read: async (inner) => (await run('sh', ['-c', `dpkg-deb --fsys-tarfile "$0" | tar -xO ".${inner}"`, file])).stdout,
  };
}
