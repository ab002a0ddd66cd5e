import { SYNC_PATHS, type StreamChange, type StreamHello } from '../../shared/sync/protocol';
import type { CentralClient } from './centralClient';
import { readEventStream } from './eventStream';

export interface StreamHandlers {
  /** `hello` arrived: the stream is open and the central system knows the rep. */
  connected(): void;
  change(change: StreamChange): void;
  /** Bytes of any kind arrived (events, heartbeats, keep-alive comments). */
  alive(): void;
  /** The stream was dropped for silence; whatever it would have announced must be pulled now. */
  dropped(): void;
  /**
   * Silence that is surely a fault: a stream quiet from its very start (a healthy server says
   * hello at once), or one whose server announced heartbeats and then missed them.
   */
  silent(forMs: number): void;
  failed(error: unknown): void;
}

export interface LiveStream {
  reconnectNow(): void;
  disconnect(): void;
  stop(): void;
}

/** The heartbeat the server announced in hello, if any (older servers only send a keep-alive every 15 s). */
function announcedHeartbeat(data: string): number | null {
  try {
    const hello = JSON.parse(data) as Partial<StreamHello>;
    return typeof hello.heartbeatMs === 'number' && hello.heartbeatMs > 0 ? hello.heartbeatMs : null;
  } catch {
    return null;
  }
}

/**
 * Keeps one event stream open, reconnecting with capped backoff. A stream that sends nothing
 * for twice the heartbeat is dropped and opened again: a connection can stay open while
 * nothing comes through it (a proxy, a sleeping laptop's half-dead socket).
 */
export function openLiveStream(
  client: CentralClient,
  options: { retryMs: number; heartbeatMs: number },
  handlers: StreamHandlers,
): LiveStream {
  const stopped = new AbortController();
  let backoff = options.retryMs;
  let current: AbortController | null = null;
  // Read through a function: TypeScript cannot see the assignments made inside connectOnce.
  const currentAborted = (): boolean => current?.signal.aborted ?? false;
  let wake: (() => void) | null = null;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const connectOnce = async (): Promise<'silent' | 'ended'> => {
    const connection = new AbortController();
    current = connection;
    let heartbeatMs = options.heartbeatMs;
    let heartbeatAnnounced = false;
    let heardAnything = false;
    let silentDrop = false;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        silentDrop = true;
        connection.abort();
      }, 2 * heartbeatMs);
    };
    const heard = () => {
      heardAnything = true;
      handlers.alive();
      arm();
    };
    arm();
    try {
      const signal = AbortSignal.any([stopped.signal, connection.signal]);
      // No overall deadline: the stream is meant to stay open; the watchdog guards it instead.
      const response = await client.request(SYNC_PATHS.stream, { signal, timeoutMs: 0, headers: { accept: 'text/event-stream' } });
      if (!response.body) throw new Error('The central system sent an empty event stream');
      for await (const event of readEventStream(response.body, heard)) {
        if (event.event === 'hello') {
          const announced = announcedHeartbeat(event.data);
          heartbeatAnnounced = announced !== null;
          heartbeatMs = announced ?? options.heartbeatMs;
          arm();
          backoff = options.retryMs;
          handlers.connected();
        } else if (event.event === 'change') handlers.change(JSON.parse(event.data) as StreamChange);
      }
      return 'ended';
    } catch (error) {
      if (!silentDrop) throw error;
      handlers.dropped();
      // An older server is quiet for 15 s between keep-alives: that alone is reopened, not reported.
      if (!heardAnything || heartbeatAnnounced) handlers.silent(2 * heartbeatMs);
      return 'silent';
    } finally {
      clearTimeout(watchdog);
    }
  };

  void (async () => {
    while (!stopped.signal.aborted) {
      try {
        // A silent stream is reopened at once: the watchdog already waited.
        if ((await connectOnce()) === 'silent') continue;
      } catch (error) {
        if (stopped.signal.aborted) return;
        if (!currentAborted()) handlers.failed(error);
      }
      if (stopped.signal.aborted) return;
      await pause(backoff);
      // Capped low: when the connection returns the rep should see it within seconds.
      backoff = Math.min(backoff * 2, 5_000);
    }
  })();

  return {
    reconnectNow: () => wake?.(),
    disconnect: () => current?.abort(),
    stop: () => {
      stopped.abort();
      current?.abort();
      wake?.();
    },
  };
}
