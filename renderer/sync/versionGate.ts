/**
 * The version gate, app side. The central system names its minimum app version on every answer
 * (MIN_VERSION_HEADER) and refuses pulls from older apps (426). While this app is older than that
 * minimum, the sync engine keeps pushing (nothing queued is lost) and makes no pulls, and the
 * status bar asks for the update, saying why. The gate opens again when the minimum drops (an
 * answer without the header, or with a lower one): the app itself only changes by an update.
 */
import { BehaviorSubject, type Observable } from 'rxjs';
import { isBelowMinimum, MIN_VERSION_HEADER } from '../../shared/updates/version';

export interface UpdateRequired {
  appVersion: string;
  minimumVersion: string;
  /** In the rep's words, for the status bar. */
  reason: string;
}

export interface VersionGate {
  readonly appVersion: string;
  /** Reads the minimum from an answer of the central system. */
  observe(response: Response): void;
  /** True while pulls must not be made. */
  blocked(): boolean;
  readonly state$: Observable<UpdateRequired | null>;
}

export function updateRequiredReason(appVersion: string, minimumVersion: string): string {
  return `Update required: this app is version ${appVersion} and the central system needs ${minimumVersion} or newer. Your changes are still sent; new data arrives again after the update.`;
}

export function createVersionGate(appVersion: string): VersionGate {
  const state = new BehaviorSubject<UpdateRequired | null>(null);
  return {
    appVersion,
    observe(response) {
      const minimum = response.headers.get(MIN_VERSION_HEADER);
      const next = minimum && isBelowMinimum(appVersion, minimum) ? minimum : null;
      if (next === (state.value?.minimumVersion ?? null)) return;
      state.next(next === null ? null : { appVersion, minimumVersion: next, reason: updateRequiredReason(appVersion, next) });
    },
    blocked: () => state.value !== null,
    state$: state.asObservable(),
  };
}
