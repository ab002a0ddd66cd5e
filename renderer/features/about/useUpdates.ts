import { useEffect, useState } from 'react';
import type { UpdateState } from '../../../shared/bridge';
import { platform } from '../../platform';

/** Polls while something moves (checking, downloading), slowly otherwise; main pushes nothing (least privilege). */
const FAST_MS = 1_000;
const SLOW_MS = 30_000;

export function useUpdateState(): [UpdateState | null, (state: UpdateState) => void] {
  const [state, setState] = useState<UpdateState | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await platform.updates.getState();
        if (stopped) return;
        setState(next);
        if (next.kind !== 'unavailable')
          timer = setTimeout(poll, next.kind === 'checking' || next.kind === 'downloading' ? FAST_MS : SLOW_MS);
      } catch {
        if (!stopped) timer = setTimeout(poll, SLOW_MS);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  return [state, setState];
}

/** Asks main to check for an update after each sync that caught up (main keeps checks a minute apart). */
export function useUpdateCheckAfterSync(lastSyncAt: string | null): void {
  useEffect(() => {
    if (lastSyncAt) void platform.updates.check().catch(() => undefined);
  }, [lastSyncAt]);
}
