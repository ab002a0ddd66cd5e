import type { UpdateState } from '../../../shared/bridge';

/** One sentence for where the update stands, for the About screen and the status bar. */
export function updateStateText(state: UpdateState): string {
  switch (state.kind) {
    case 'unavailable':
      return state.reason;
    case 'idle':
      return state.lastCheckedAt ? `Up to date (checked ${new Date(state.lastCheckedAt).toLocaleString()}).` : 'Not checked yet.';
    case 'checking':
      return 'Checking for updates…';
    case 'downloading':
      return `Downloading version ${state.version}: ${state.percent} %.`;
    case 'ready':
      return `Version ${state.version} is downloaded and ready to install.`;
    case 'error':
      return state.message;
  }
}

/** Why the update may not be installed now, or null when it may: never with work not yet on the central system. */
export function installBlocker(pending: number): string | null {
  if (pending === 0) return null;
  const changes = pending === 1 ? '1 change is' : `${pending} changes are`;
  return `${changes} still waiting to sync. Install after they have reached the central system (see the Outbox), so nothing is left only on this laptop.`;
}
