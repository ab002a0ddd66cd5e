/**
 * Documents whose push has been sent but whose bookkeeping RxDB has not finished yet.
 *
 * Why: RxDB's upstream writes the pushed state to its meta instance ("the master now holds
 * this") only after the push handler returns, while the downstream runs on its own queue.
 * A pull answered in that moment (the central system announces the ingest at once) carries
 * the acknowledgement of the very document just pushed; the downstream then still reads the
 * old assumed master, takes the local copy for an unsent change, skips the pulled state and
 * moves its checkpoint past it, so the acknowledgement never replaces the local copy. Under
 * load this lost the acknowledgement of an order pushed after an offline restart.
 *
 * The pull handler calls `settle` when a page holds such a document: it waits for the upstream
 * queue (which ends with the meta write), then fetches the page again. Handing over the page
 * fetched before the wait would be worse: by then it can be older than a push that finished
 * meanwhile, and RxDB would write that older master over the rep's newer edit. It waits
 * `timeoutMs` at most, so a pull never stalls behind a push that keeps failing (offline).
 */
export class PushesInFlight {
  private readonly counts = new Map<string, number>();

  /** Marks `ids` as pushed until `bookkept` (the upstream queue after this push) settles. */
  track(ids: readonly string[], bookkept: () => Promise<unknown>): void {
    for (const id of ids) this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
    const release = () => {
      for (const id of ids) {
        const left = (this.counts.get(id) ?? 1) - 1;
        if (left <= 0) this.counts.delete(id);
        else this.counts.set(id, left);
      }
    };
    // After the handler returns, RxDB appends the meta write to the same queue.
    queueMicrotask(() => void bookkept().then(release, release));
  }

  overlaps(ids: readonly string[]): boolean {
    return ids.some((id) => this.counts.has(id));
  }

  /** Resolves once none of `ids` is in flight any more, or after `timeoutMs`. */
  async settle(ids: readonly string[], upstreamQueue: () => Promise<unknown> | undefined, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.overlaps(ids)) {
      const left = deadline - Date.now();
      if (left <= 0) return;
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        Promise.resolve(upstreamQueue()).catch(() => undefined),
        new Promise((resolve) => (timer = setTimeout(resolve, Math.min(left, 50)))),
      ]);
      clearTimeout(timer);
    }
  }
}
