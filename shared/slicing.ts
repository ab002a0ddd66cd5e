/**
 * Time slicing for pure computations written as generators (yield between units of work): the
 * caller's main thread gets a pause whenever the budget has passed, so no task is much longer.
 */
/**
 * Runs a sliced computation, yielding the main thread whenever `budgetMs` has passed, so no task
 * is longer than about that. `cancelled` stops it (the records changed meanwhile).
 */
export async function runSliced<R>(
  steps: Generator<void, R>,
  pause: () => Promise<void>,
  now: () => number,
  budgetMs: number,
  cancelled: () => boolean = () => false,
): Promise<R | undefined> {
  let until = now() + budgetMs;
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (now() >= until) {
      await pause();
      if (cancelled()) return undefined;
      until = now() + budgetMs;
    }
  }
}
