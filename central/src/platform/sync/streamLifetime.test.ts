/** The stream's heartbeat (the app drops a stream silent for two of them) and its end at token expiry. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamHello } from '../../../../shared/sync/protocol';
import { signIn } from '../../test/client';
import { openStream, type OpenStream } from '../../test/eventStream';
import { ENGINES, startCentral, type TestCentral } from '../../test/harness';

const HEARTBEAT_MS = 300;
const TOKEN_SECONDS = 5;

describe.each(ENGINES)('sync stream heartbeat and lifetime on $name', (engine) => {
  let central: TestCentral;
  const streams: OpenStream[] = [];
  beforeAll(async () => {
    central = await startCentral(engine, { tokenTtlSeconds: TOKEN_SECONDS, streamHeartbeatMs: HEARTBEAT_MS });
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await central?.close();
  });
  const open = async () => {
    const stream = await openStream(central.url, await signIn(central.url, 'alex'));
    streams.push(stream);
    return stream;
  };

  it('announces the heartbeat in hello, then sends one every heartbeatMs, and is never stored by caches', async () => {
    const stream = await open();
    expect(stream.headers.get('cache-control')).toContain('no-store');
    const hello = JSON.parse((await stream.next((event) => event.event === 'hello')).data) as StreamHello;
    expect(hello).toMatchObject({ userId: 'user-alex', heartbeatMs: HEARTBEAT_MS });
    const first = await stream.next((event) => event.event === 'heartbeat');
    const second = await stream.next((event) => event.event === 'heartbeat');
    const [at1, at2] = [first, second].map((event) => Date.parse((JSON.parse(event.data) as { at: string }).at));
    expect(Number.isNaN(at1) || Number.isNaN(at2)).toBe(false);
    expect(at2! - at1!).toBeGreaterThanOrEqual(HEARTBEAT_MS - 50);
    stream.close();
  });

  it('ends the stream when its access token expires, not before', async () => {
    const opened = Date.now();
    const stream = await open();
    let endedAt = 0;
    void stream.ended.then(() => (endedAt = Date.now()));
    await stream.next((event) => event.event === 'hello');
    await stream.ended;
    // The token was issued just before `opened`; the stream must outlive most of its lifetime and end soon after it.
    expect(endedAt - opened).toBeGreaterThanOrEqual(TOKEN_SECONDS * 1000 - 1500);
    expect(endedAt - opened).toBeLessThan(TOKEN_SECONDS * 1000 + 3000);
  }, 20_000);
});
