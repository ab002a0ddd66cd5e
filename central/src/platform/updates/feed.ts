/**
 * The `latest*.yml` electron-updater's generic provider reads: which release a device should have
 * now, and its files with size and sha512. Pure apart from the release list handed in.
 */
import { channelOf, compareVersions } from '../../../../shared/updates/version';
import type { Release, UpdatePlatform } from './releaseFolder';
import { inRollout, type RolloutPolicy } from './rollout';

/** `latest.yml` -> Windows on channel latest, `beta-mac.yml` -> macOS on beta, `latest-linux.yml` -> Linux. */
export function parseFeedFileName(name: string): { channel: string; platform: UpdatePlatform } | null {
  const match = /^([a-z][a-z0-9-]*?)(?:-(mac|linux))?\.yml$/.exec(name);
  if (!match?.[1]) return null;
  return { channel: match[1], platform: match[2] === 'mac' ? 'mac' : match[2] === 'linux' ? 'linux' : 'win' };
}

export interface FeedChoice {
  release: Release;
  /** 0 when even the newest release is not this device's yet and there is nothing older to offer. */
  stagingPercentage?: 0;
}

/**
 * The release this device gets on this channel: the newest one when the device is within that
 * release's rollout share, else the one before it. Channel `latest` carries releases only;
 * a pre-release channel (`beta`) carries its own pre-releases and the releases.
 */
export function chooseRelease(
  releases: readonly Release[],
  request: { platform: UpdatePlatform; channel: string; deviceId: string | null },
  policy: RolloutPolicy,
): FeedChoice | null {
  const candidates = releases
    .filter((release) => release.platform === request.platform)
    .filter((release) => {
      const channel = channelOf(release.version);
      return channel === 'latest' || channel === request.channel;
    })
    .sort((a, b) => compareVersions(b.version, a.version));
  const [newest, previous] = candidates;
  if (!newest) return null;
  // Only the newest release is staged; the one before it is every device's.
  if (inRollout(policy, channelOf(newest.version), newest.versionText, request.deviceId)) return { release: newest };
  // Nothing older: the updater then says "no update" rather than failing on a missing feed.
  return previous ? { release: previous } : { release: newest, stagingPercentage: 0 };
}

/** YAML 1.2 accepts JSON strings as double-quoted scalars, so every string is written that way. */
const str = (value: string): string => JSON.stringify(value);

export function feedYaml(choice: FeedChoice): string {
  const { release } = choice;
  const [first] = release.files;
  if (!first) throw new Error(`release ${release.versionText} has no file`);
  const lines = [`version: ${str(release.versionText)}`, 'files:'];
  for (const file of release.files) {
    lines.push(`  - url: ${str(file.name)}`, `    sha512: ${str(file.sha512)}`, `    size: ${file.size}`);
  }
  lines.push(`path: ${str(first.name)}`, `sha512: ${str(first.sha512)}`);
  const newestWrite = release.files.reduce((latest, file) => (file.modifiedAt > latest ? file.modifiedAt : latest), first.modifiedAt);
  lines.push(`releaseDate: ${str(newestWrite.toISOString())}`);
  if (release.releaseNotes) lines.push(`releaseNotes: ${str(release.releaseNotes)}`);
  if (choice.stagingPercentage !== undefined) lines.push(`stagingPercentage: ${choice.stagingPercentage}`);
  return `${lines.join('\n')}\n`;
}
