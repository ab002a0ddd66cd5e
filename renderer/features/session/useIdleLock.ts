import { useEffect, useRef } from 'react';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` once after `minutes` without keyboard, pointer or touch input. Activity only
 * notes a time; the timer re-arms for what is left, so a moving mouse costs no timer churn.
 * A laptop that slept past the limit locks as soon as it wakes (the timer fires late).
 */
export function useIdleLock(minutes: number, onIdle: () => void): void {
  const callback = useRef(onIdle);
  useEffect(() => {
    callback.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    const limit = minutes * 60_000;
    let last = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = (ms: number) => {
      timer = setTimeout(() => {
        const left = last + limit - Date.now();
        if (left > 0) arm(left);
        else callback.current();
      }, ms);
    };
    const note = () => {
      last = Date.now();
    };
    for (const event of ACTIVITY) window.addEventListener(event, note, { capture: true, passive: true });
    arm(limit);
    return () => {
      clearTimeout(timer);
      for (const event of ACTIVITY) window.removeEventListener(event, note, { capture: true });
    };
  }, [minutes]);
}
