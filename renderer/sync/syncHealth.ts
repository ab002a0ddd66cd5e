import { createActor } from 'xstate';
import { describeSyncLink, syncStatusMachine, type SyncLinkState } from '../../shared/machines/syncStatus.machine';
import { CentralTimeoutError, CentralUnreachableError } from './centralClient';

export interface SyncLink {
  link: SyncLinkState;
  stuck: string | null;
}

export interface SyncHealth {
  /** Runs one request of a channel (e.g. "sending leads") and reports how it went. */
  track<T>(channel: string, call: () => Promise<T>): Promise<T>;
  streamSilent(forMs: number): void;
  streamAlive(): void;
  networkLost(): void;
  stop(): void;
}

/**
 * Feeds the sync-status machine from real requests. The machine watches each request on its
 * way: one still unanswered after `slowAfterMs` marks its channel stuck at once, so the status
 * bar tells the truth before the request's own (longer) timeout gives up on it.
 */
export function createSyncHealth(options: { slowAfterMs: number; onChange(link: SyncLink): void }): SyncHealth {
  const actor = createActor(syncStatusMachine, { input: { slowAfterMs: options.slowAfterMs } });
  let last: SyncLink | null = null;
  actor.subscribe((snapshot) => {
    const next = describeSyncLink(snapshot);
    if (last && last.link === next.link && last.stuck === next.stuck) return;
    last = next;
    options.onChange(next);
  });
  actor.start();
  let stopped = false;
  let requests = 0;
  const send: typeof actor.send = (event) => {
    if (!stopped) actor.send(event);
  };

  return {
    async track(channel, call) {
      const requestId = `request-${++requests}`;
      send({ type: 'sync.requestStarted', channel, requestId });
      try {
        const result = await call();
        send({ type: 'sync.requestSucceeded', channel });
        return result;
      } catch (error) {
        if (error instanceof CentralTimeoutError) send({ type: 'sync.requestTimedOut', channel, afterMs: error.afterMs });
        else if (error instanceof CentralUnreachableError) send({ type: 'sync.unreachable', channel });
        // Anything else is an answer (a refusal, a server error): the link itself works.
        else if (!(error instanceof DOMException && error.name === 'AbortError')) send({ type: 'sync.requestSucceeded', channel });
        throw error;
      } finally {
        send({ type: 'sync.requestEnded', requestId });
      }
    },
    streamSilent: (forMs) => send({ type: 'sync.streamSilent', forMs }),
    streamAlive: () => send({ type: 'sync.streamAlive' }),
    networkLost: () => send({ type: 'sync.networkLost' }),
    stop() {
      stopped = true;
      // Stopping the machine cancels the delayed "slow" events of requests still on their way.
      actor.stop();
    },
  };
}
