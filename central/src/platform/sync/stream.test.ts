import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamChange } from '../../../../shared/sync/protocol';
import { ENGINES, startCentral, type TestCentral } from '../../test/harness';
import { api, expectApiError, signIn } from '../../test/client';
import { openStream, type OpenStream, type SseEvent } from '../../test/eventStream';
import { newLead, newOrder } from '../../test/fixtures';

const isChange = (event: SseEvent) => event.event === 'change';
const change = (event: SseEvent) => JSON.parse(event.data) as StreamChange;

describe.each(ENGINES)('sync event stream on $name', (engine) => {
  let central: TestCentral;
  const streams: OpenStream[] = [];
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    central = await startCentral(engine);
    for (const user of ['alex', 'sam', 'morgan']) tokens[user] = await signIn(central.url, user);
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await central?.close();
  });
  const open = async (user: string, headers?: Record<string, string>) => {
    const stream = await openStream(central.url, tokens[user] ?? '', headers);
    streams.push(stream);
    return stream;
  };

  it('says hello on connect, with event-stream headers and CORS for the app', async () => {
    const stream = await open('alex', { origin: 'app://outpost' });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    expect(stream.headers.get('access-control-allow-origin')).toBe('app://outpost');
    const hello = await stream.next();
    expect(hello.event).toBe('hello');
    expect(JSON.parse(hello.data)).toMatchObject({ userId: 'user-alex' });
  });

  it('tells the owner and their manager about a committed change, and nobody else', async () => {
    const [alexStream, samStream, morganStream] = [await open('alex'), await open('sam'), await open('morgan')];
    for (const stream of [alexStream, samStream, morganStream]) await stream.next((event) => event.event === 'hello');

    const lead = newLead('user-alex');
    await api(central.url, tokens.alex ?? '').push('leads', [{ newDocumentState: lead }]);
    const pulled = await api(central.url, tokens.alex ?? '').pull('leads');
    const seq = pulled.checkpoint.seq;

    expect(change(await alexStream.next(isChange))).toEqual({ collection: 'leads', seq });
    expect(change(await morganStream.next(isChange))).toEqual({ collection: 'leads', seq });

    // Sam's stream stays silent about Alex's lead: his next change is his own.
    const samLead = newLead('user-sam');
    await api(central.url, tokens.sam ?? '').push('leads', [{ newDocumentState: samLead }]);
    const samChange = change(await samStream.next(isChange));
    expect(samChange.seq).toBeGreaterThan(seq);
    expect(samStream.pending().filter(isChange)).toEqual([]);
  });

  it('announces the order state change made by ingest', async () => {
    const stream = await open('alex');
    await stream.next((event) => event.event === 'hello');
    await api(central.url, tokens.alex ?? '').push('orders', [{ newDocumentState: newOrder('user-alex') }]);
    expect(change(await stream.next(isChange)).collection).toBe('orders');
  });

  it('requires a token', async () => {
    await expectApiError(await fetch(`${central.url}/sync/stream`), 401);
  });
});
