/** Reads a text/event-stream over fetch, as the app does (the Bearer header rules out EventSource). */
export interface SseEvent {
  event: string;
  data: string;
}

export interface OpenStream {
  status: number;
  headers: Headers;
  /** The next event matching `predicate`, or an error after `timeoutMs`. */
  next(predicate?: (event: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  /** Events received so far that no `next` has taken. */
  pending(): SseEvent[];
  /** Resolves when the server ends the stream (or close() aborts it). */
  ended: Promise<void>;
  close(): void;
}

export async function openStream(url: string, token: string, headers: Record<string, string> = {}): Promise<OpenStream> {
  const abort = new AbortController();
  const response = await fetch(`${url}/sync/stream`, { headers: { authorization: `Bearer ${token}`, ...headers }, signal: abort.signal });
  const queue: SseEvent[] = [];
  const waiters = new Set<() => void>();
  let buffer = '';
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  const ended = (async () => {
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return;
        buffer += decoder.decode(chunk.value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n').filter((line) => !line.startsWith(':'));
          const event = lines.find((line) => line.startsWith('event: '))?.slice(7) ?? 'message';
          const data = lines
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice(6))
            .join('\n');
          if (lines.length > 0) queue.push({ event, data });
          for (const wake of waiters) wake();
        }
      }
    } catch {
      // Aborted by close().
    }
  })();
  return {
    status: response.status,
    ended,
    headers: response.headers,
    pending: () => [...queue],
    next: (predicate = () => true, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const index = queue.findIndex(predicate);
          if (index < 0) return;
          const [event] = queue.splice(index, 1);
          waiters.delete(check);
          clearTimeout(timer);
          if (event) resolve(event);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(queue)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () => abort.abort(),
  };
}
