/**
 * The release folder the updates feed serves (OUTPOST_UPDATES_DIR): the installers electron-builder
 * made, as they are, and optional release notes (`release-notes-<version>.md`). What a feed needs
 * (version, platform, size, sha512) is read from the files themselves, so publishing a release is
 * copying its installers in; nothing else to keep in step. Hashes are cached per name, size and mtime.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseVersion, type Version } from '../../../../shared/updates/version';

/** electron-updater's names for the three feeds: latest.yml (Windows), latest-mac.yml, latest-linux.yml. */
export type UpdatePlatform = 'win' | 'mac' | 'linux';

export interface ReleaseFile {
  name: string;
  size: number;
  /** base64 SHA-512 of the file, as electron-updater checks it. */
  sha512: string;
  /** When the file was written; the release's date. */
  modifiedAt: Date;
}

export interface Release {
  version: Version;
  /** The version as written in the file names. */
  versionText: string;
  platform: UpdatePlatform;
  /** The installers of this version for this platform; the first is the one `path` names. */
  files: ReleaseFile[];
  releaseNotes: string | null;
}

/** Installer kinds per platform, in the order the feed lists them (the updater takes the first it can use). */
const EXTENSIONS: readonly { ext: string; platform: UpdatePlatform }[] = [
  { ext: '.exe', platform: 'win' },
  // MacUpdater installs from the zip; the dmg is for first installs.
  { ext: '.zip', platform: 'mac' },
  { ext: '.dmg', platform: 'mac' },
  { ext: '.AppImage', platform: 'linux' },
  { ext: '.deb', platform: 'linux' },
];

/** Words electron-builder puts after the version in artifact names (architecture, `-mac.zip`): not a pre-release. */
const NAME_WORDS = new Set([
  'x64',
  'ia32',
  'arm64',
  'armv7l',
  'amd64',
  'x86_64',
  'i386',
  'universal',
  'aarch64',
  'armhf',
  'mac',
  'win',
  'linux',
]);
const VERSION_IN_NAME = /(?:^|[-_ ])v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)*)(?=[-_.])/;

/** `Outpost-Setup-1.2.0.exe`, `Outpost-1.2.0-arm64.dmg`, `outpost_1.2.0-beta.1_amd64.deb` -> the version, without the arch. */
export function versionInFileName(name: string): string | null {
  const stem = name.replace(/\.(exe|zip|dmg|AppImage|deb)$/, '');
  const match = VERSION_IN_NAME.exec(`${stem}.`);
  if (!match?.[1]) return null;
  const [core, ...rest] = match[1].split('-');
  const pre = rest.filter((part) => !NAME_WORDS.has(part.toLowerCase()));
  const text = pre.length > 0 ? `${core}-${pre.join('-')}` : core!;
  return parseVersion(text) ? text : null;
}

export function platformOfFile(name: string): UpdatePlatform | null {
  return EXTENSIONS.find((entry) => name.endsWith(entry.ext))?.platform ?? null;
}

function extensionRank(name: string): number {
  return EXTENSIONS.findIndex((entry) => name.endsWith(entry.ext));
}

const hashCache = new Map<string, { key: string; sha512: string }>();

async function sha512Of(file: string, size: number, mtimeMs: number): Promise<string> {
  const key = `${size}:${mtimeMs}`;
  const cached = hashCache.get(file);
  if (cached?.key === key) return cached.sha512;
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  const sha512 = hash.digest('base64');
  hashCache.set(file, { key, sha512 });
  return sha512;
}

/** Every release in the folder, by platform and version. A missing folder holds none. */
export async function readReleases(folder: string): Promise<Release[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const byKey = new Map<string, Release>();
  for (const name of names.sort((a, b) => extensionRank(a) - extensionRank(b) || a.localeCompare(b))) {
    const platform = platformOfFile(name);
    const versionText = platform ? versionInFileName(name) : null;
    const version = versionText ? parseVersion(versionText) : null;
    if (!platform || !versionText || !version) continue;
    const full = path.join(folder, name);
    const info = await stat(full);
    if (!info.isFile()) continue;
    const file: ReleaseFile = { name, size: info.size, sha512: await sha512Of(full, info.size, info.mtimeMs), modifiedAt: info.mtime };
    const key = `${platform}:${versionText}`;
    const release = byKey.get(key);
    if (release) release.files.push(file);
    else byKey.set(key, { version, versionText, platform, files: [file], releaseNotes: await releaseNotes(folder, versionText) });
  }
  return [...byKey.values()];
}

async function releaseNotes(folder: string, version: string): Promise<string | null> {
  try {
    return (await readFile(path.join(folder, `release-notes-${version}.md`), 'utf8')).trim() || null;
  } catch {
    return null;
  }
}

/** The installer `name` when the folder serves it (a listed installer, never a path). */
export async function servedFile(folder: string, name: string): Promise<{ path: string; size: number } | null> {
  if (name.includes('/') || name.includes('\\') || name.startsWith('.') || !platformOfFile(name) || !versionInFileName(name)) return null;
  try {
    const full = path.join(folder, name);
    const info = await stat(full);
    return info.isFile() ? { path: full, size: info.size } : null;
  } catch {
    return null;
  }
}
