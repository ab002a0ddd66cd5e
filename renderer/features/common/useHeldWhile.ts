import { useState } from 'react';

/**
 * `value`, except while `hold` is true: then the value it had when the hold began. State set
 * during render, React's pattern for information from earlier renders (no effect, no ref).
 */
export function useHeldWhile<T>(value: T, hold: boolean): T {
  const [held, setHeld] = useState<{ value: T } | null>(null);
  if (hold && held === null) setHeld({ value });
  if (!hold && held !== null) setHeld(null);
  return hold && held ? held.value : value;
}
