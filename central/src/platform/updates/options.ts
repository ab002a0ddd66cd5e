/** The central system's update settings (OUTPOST_UPDATES_DIR, OUTPOST_UPDATES_ROLLOUT, OUTPOST_MIN_APP_VERSION). */
import { parseVersion } from '../../../../shared/updates/version';
import { parseRolloutPolicy, type RolloutPolicy } from './rollout';

export interface UpdateOptions {
  /** Folder with the installers and release notes; unset = no feed (404 that says so). */
  folder?: string;
  /** Newest release's share per channel, 0..100; channels not named: 100. */
  rollout: RolloutPolicy;
  /** Apps older than this may push but not pull. */
  minimumVersion?: string;
}

export function updateOptionsFromEnv(env: Readonly<Record<string, string | undefined>>, resolvePath: (p: string) => string): UpdateOptions {
  const minimum = env.OUTPOST_MIN_APP_VERSION?.trim() || undefined;
  if (minimum !== undefined && !parseVersion(minimum)) {
    throw new Error(`OUTPOST_MIN_APP_VERSION must be a version such as 1.4.0, got "${minimum}"`);
  }
  const folder = env.OUTPOST_UPDATES_DIR?.trim() || undefined;
  return {
    folder: folder ? resolvePath(folder) : undefined,
    rollout: parseRolloutPolicy(env.OUTPOST_UPDATES_ROLLOUT),
    minimumVersion: minimum,
  };
}
