import { describe, expect, it } from 'vitest';
import { readEventStream, type ServerSentEvent } from './eventStream';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(chunks: string[]): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  for await (const event of readEventStream(streamOf(chunks))) events.push(event);
  return events;
}

describe('readEventStream', () => {
  it('parses events split across chunks, skipping comments', async () => {
    const events = await collect([
      'event: hel',
      'lo\ndata: {}\n\n: keep-alive\n\n',
      'event: change\ndata: {"collection":"orders",',
      '"seq":7}\n\n',
    ]);
    expect(events).toEqual([
      { event: 'hello', data: '{}' },
      { event: 'change', data: '{"collection":"orders","seq":7}' },
    ]);
  });

  it('joins multi-line data and accepts CRLF framing', async () => {
    expect(await collect(['data: a\r\ndata: b\r\n\r\n'])).toEqual([{ event: 'message', data: 'a\nb' }]);
  });

  it('drops an incomplete trailing event', async () => {
    expect(await collect(['event: change\ndata: {"seq":1}'])).toEqual([]);
  });
});

describe('readEventStream liveness', () => {
  it('hears a keep-alive comment as bytes even though it yields no event', async () => {
    let chunks = 0;
    const events: ServerSentEvent[] = [];
    for await (const event of readEventStream(streamOf([': keep-alive\n\n', ': keep-alive\n\n']), () => (chunks += 1))) events.push(event);
    expect(events).toEqual([]);
    expect(chunks).toBe(2);
  });
});
