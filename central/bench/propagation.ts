/**
 * The change-propagation figure of the cluster bench: a rep (alex, whom the load does not use)
 * streams from one instance while orders are pushed for him through another, one at a time,
 * and each time the stream's change event is timed from the push's answer (the commit comes
 * before the answer, so this is the time from commit to the stream, to within a millisecond;
 * an event already there when the answer comes counts 0). With one instance both are the same
 * instance: the same-run baseline of the in-process path.
 */
import { api, signIn } from '../src/test/client';
import { openStream, type SseEvent } from '../src/test/eventStream';
import { newOrder } from '../src/test/fixtures';

export interface PropagationResult {
  samples: number;
  p50: number;
  p95: number;
  max: number;
  /** Pushes whose change did not reach the stream within MISSED_AFTER_MS. */
  missed: number;
}

const MISSED_AFTER_MS = 5000;
const EVERY_MS = 200;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const seqOf = (event: SseEvent): number => {
  if (event.event !== 'change') return 0;
  const data = JSON.parse(event.data) as { collection?: string; seq?: number };
  return data.collection === 'orders' && typeof data.seq === 'number' ? data.seq : 0;
};

/** Probes until `done` resolves; `streamUrl` and `pushUrl` are instances, not the proxy. */
export async function measurePropagation(streamUrl: string, pushUrl: string, done: Promise<unknown>): Promise<PropagationResult> {
  const pusher = api(pushUrl, await signIn(pushUrl, 'alex'));
  const stream = await openStream(streamUrl, await signIn(streamUrl, 'alex'));
  let finished = false;
  void done.finally(() => {
    finished = true;
  });
  const times: number[] = [];
  let missed = 0;
  let highest = 0;
  try {
    await stream.next((event) => event.event === 'hello');
    while (!finished) {
      // Past every change seen so far: a late duplicate of an earlier push cannot answer this one.
      const seen = Math.max(highest, ...stream.pending().map(seqOf));
      await pusher.push('orders', [{ newDocumentState: newOrder('user-alex') }]);
      const answered = performance.now();
      try {
        const change = await stream.next((event) => seqOf(event) > seen, MISSED_AFTER_MS);
        times.push(performance.now() - answered);
        highest = Math.max(highest, seqOf(change));
      } catch {
        missed += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, EVERY_MS));
    }
  } finally {
    stream.close();
  }
  times.sort((a, b) => a - b);
  return {
    samples: times.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times[times.length - 1] ?? Number.NaN,
    missed,
  };
}
