import { describe, expect, it } from 'vitest';
import { PushesInFlight } from './pushesInFlight';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('pushes in flight', () => {
  it('holds a pulled page back until the upstream queue that carries the push has settled', async () => {
    const inFlight = new PushesInFlight();
    const queue = deferred();
    inFlight.track(['order-1'], () => queue.promise);
    expect(inFlight.overlaps(['lead-9', 'order-1'])).toBe(true);
    expect(inFlight.overlaps(['lead-9'])).toBe(false);

    let settled = false;
    const waiting = inFlight.settle(['order-1'], () => queue.promise, 5_000).then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 60));
    expect(settled).toBe(false);
    queue.resolve();
    await waiting;
    expect(inFlight.overlaps(['order-1'])).toBe(false);
  });

  it('counts a document pushed twice until both pushes are bookkept', async () => {
    const inFlight = new PushesInFlight();
    const first = deferred();
    const second = deferred();
    inFlight.track(['lead-1'], () => first.promise);
    inFlight.track(['lead-1'], () => second.promise);
    first.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(inFlight.overlaps(['lead-1'])).toBe(true);
    second.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(inFlight.overlaps(['lead-1'])).toBe(false);
  });

  it('gives up waiting after the timeout, so a push that keeps failing never stalls the pull', async () => {
    const inFlight = new PushesInFlight();
    const never = new Promise<void>(() => undefined);
    inFlight.track(['order-1'], () => never);
    const started = Date.now();
    await inFlight.settle(['order-1'], () => never, 200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(inFlight.overlaps(['order-1'])).toBe(true);
  });
});
