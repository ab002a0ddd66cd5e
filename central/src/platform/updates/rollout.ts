/**
 * Staged rollout, decided by the central system per device. electron-updater has its own
 * `stagingPercentage`, but it decides on the laptop with a random id the central system never
 * sees, so an IT team cannot tell which laptops got a release. Here the device id the app sends
 * (DEVICE_HEADER) and the release's version pick a stable bucket 0..99: the same laptop gets the
 * same answer on every check of one release, and a different early share with the next release.
 */
import { createHash } from 'node:crypto';

/** Percentage (0..100) of devices that get the newest release, per channel; channels not named get every release. */
export type RolloutPolicy = Readonly<Record<string, number>>;

export function rolloutBucket(deviceId: string, version: string): number {
  const digest = createHash('sha256').update(`${version}\n${deviceId}`).digest();
  return digest.readUInt32BE(0) % 100;
}

/** Whether this device gets `version` now. A request without a device id waits for the full rollout. */
export function inRollout(policy: RolloutPolicy, channel: string, version: string, deviceId: string | null): boolean {
  const percentage = policy[channel] ?? 100;
  if (percentage >= 100) return true;
  if (percentage <= 0 || deviceId === null) return false;
  return rolloutBucket(deviceId, version) < percentage;
}

/** Parses OUTPOST_UPDATES_ROLLOUT: `latest=25,beta=100` (a bare `25` means the latest channel). */
export function parseRolloutPolicy(raw: string | undefined): RolloutPolicy {
  const policy: Record<string, number> = {};
  for (const item of (raw ?? '').split(',').map((part) => part.trim())) {
    if (item === '') continue;
    const [channel, value] = item.includes('=') ? item.split('=', 2).map((part) => part.trim()) : ['latest', item];
    const percentage = Number(value);
    if (!channel || !/^[a-z][a-z0-9-]*$/.test(channel) || !Number.isFinite(percentage) || percentage < 0 || percentage > 100) {
      throw new Error(`OUTPOST_UPDATES_ROLLOUT: "${item}" must be <channel>=<percentage 0..100>, e.g. latest=25,beta=100`);
    }
    policy[channel] = percentage;
  }
  return policy;
}
