/**
 * Semantic versions as the release files and the version gate use them (MAJOR.MINOR.PATCH with an
 * optional pre-release; build metadata ignored), compared by SemVer 2.0 precedence. Small and
 * dependency-free because the renderer, main and the central system all need it.
 */
export interface Version {
  major: number;
  minor: number;
  patch: number;
  /** Pre-release identifiers (`1.2.0-beta.3` -> ['beta', 3]); empty for a release. */
  prerelease: (string | number)[];
}

const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-.]+)?$/;

export function parseVersion(text: string): Version | null {
  const match = SEMVER.exec(text.trim());
  if (!match) return null;
  const prerelease = match[4] ? match[4].split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)) : [];
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]), prerelease };
}

export function formatVersion(version: Version): string {
  const core = `${version.major}.${version.minor}.${version.patch}`;
  return version.prerelease.length > 0 ? `${core}-${version.prerelease.join('.')}` : core;
}

/** Negative when a < b, 0 when equal, positive when a > b (SemVer 2.0 section 11). */
export function compareVersions(a: Version, b: Version): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core !== 0) return Math.sign(core);
  // A release ranks above its own pre-releases.
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    return a.prerelease.length === b.prerelease.length ? 0 : a.prerelease.length === 0 ? 1 : -1;
  }
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return Math.sign(x - y);
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** The update channel a version belongs to, as electron-builder names it: `1.2.0-beta.1` -> beta, a release -> latest. */
export function channelOf(version: Version): string {
  const first = version.prerelease[0];
  return typeof first === 'string' ? first.toLowerCase() : 'latest';
}

/**
 * Whether `appVersion` is older than `minimum`. An unparsable minimum gates nothing (the central
 * system checks its own setting at start); an unparsable app version is treated as older.
 */
export function isBelowMinimum(appVersion: string, minimum: string | null | undefined): boolean {
  if (!minimum) return false;
  const min = parseVersion(minimum);
  if (!min) return false;
  const app = parseVersion(appVersion);
  return app === null || compareVersions(app, min) < 0;
}

/** Headers the version gate travels in: the central system's minimum on every answer, the app's own version on every request. */
export const MIN_VERSION_HEADER = 'x-outpost-min-version';
export const APP_VERSION_HEADER = 'x-outpost-app-version';
