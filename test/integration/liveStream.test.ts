import { createServer, type Server, type ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { CentralClient } from '../../renderer/sync/centralClient';
import { openLiveStream, type LiveStream } from '../../renderer/sync/liveStream';

/** A real event-stream server whose every connection says hello (as given) and then nothing more. */
async function quietServer(hello: object): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  const open = new Set<ServerResponse>();
  let connections = 0;
  const server: Server = createServer((_req, res) => {
    connections += 1;
    open.add(res);
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(`event: hello\ndata: ${JSON.stringify(hello)}\n\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.close(() => resolve());
      }),
  };
}

const session = {
  accessToken: 't',
  expiresAt: Date.now() + 3_600_000,
  user: { id: 'user-alex', username: 'alex', displayName: 'Alex', role: 'rep' as const },
};

async function until(what: string, probe: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

let stream: LiveStream | undefined;
let server: Awaited<ReturnType<typeof quietServer>> | undefined;
afterEach(async () => {
  stream?.stop();
  await server?.close();
});

function watch(url: string, heartbeatMs = 5_000) {
  const seen = { connected: 0, dropped: 0, silent: [] as number[] };
  stream = openLiveStream(
    new CentralClient(url, session),
    { retryMs: 50, heartbeatMs },
    {
      connected: () => (seen.connected += 1),
      change: () => undefined,
      alive: () => undefined,
      dropped: () => (seen.dropped += 1),
      silent: (forMs) => seen.silent.push(forMs),
      failed: () => undefined,
    },
  );
  return seen;
}

describe('live stream watchdog', () => {
  it('drops and reopens a stream that misses the heartbeat its hello announced, and reports it at once', async () => {
    server = await quietServer({ userId: 'user-alex', seq: 1, heartbeatMs: 100 });
    const seen = watch(server.url);
    await until('a silent drop', () => seen.dropped >= 1);
    expect(seen.silent[0]).toBe(200);
    await until('the stream to be reopened', () => (server?.connections() ?? 0) >= 2 && seen.connected >= 2);
  });

  it("only reopens, without reporting, a stream whose hello announced no heartbeat (an older server's keep-alive gap)", async () => {
    server = await quietServer({ userId: 'user-alex', seq: 1 });
    const seen = watch(server.url, 100);
    await until('two silent drops', () => seen.dropped >= 2);
    expect(seen.silent).toEqual([]);
  });
});
