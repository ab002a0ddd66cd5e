/**
 * What the status bar says about the link to the central system: Online, Offline, or
 * connected but stuck. "Stuck" is per channel (a collection's pull or push, the live stream):
 * a request that went unanswered keeps its channel stuck until that channel succeeds again,
 * so one answered pull cannot hide a push that hangs.
 */
import { assign, cancel, enqueueActions, setup, type SnapshotFrom } from 'xstate';

export interface SyncStatusContext {
  /** The last request could not reach the central system at all. */
  unreachable: boolean;
  /** Channel -> why it is stuck, in the rep's words. */
  stuck: Record<string, string>;
  /** A request still unanswered after this long marks its channel stuck, before its own timeout gives up. */
  slowAfterMs: number;
}

export const DEFAULT_SLOW_AFTER_MS = 8_000;

export type SyncStatusEvent =
  /** A request of a channel went out; the machine watches how long it waits. */
  | { type: 'sync.requestStarted'; channel: string; requestId: string }
  /** That request was answered or given up (its outcome is one of the events below). */
  | { type: 'sync.requestEnded'; requestId: string }
  | { type: 'sync.requestSucceeded'; channel: string }
  | { type: 'sync.unreachable'; channel: string }
  /** A request has gone unanswered this long and is still waiting. */
  | { type: 'sync.requestSlow'; channel: string; forMs: number }
  /** A request was given up after this long without an answer. */
  | { type: 'sync.requestTimedOut'; channel: string; afterMs: number }
  /** The live stream has sent nothing for this long, even after reconnecting. */
  | { type: 'sync.streamSilent'; forMs: number }
  | { type: 'sync.streamAlive' }
  /** The operating system says the network is gone. */
  | { type: 'sync.networkLost' };

export const STREAM_CHANNEL = 'live updates';

function seconds(ms: number): string {
  return `${Math.max(1, Math.round(ms / 1000))} s`;
}

export const syncStatusMachine = setup({
  types: { context: {} as SyncStatusContext, events: {} as SyncStatusEvent, input: {} as { slowAfterMs?: number } },
  actions: {
    /** One delayed event per request on its way (the machine's clock, so tests can drive it): slow once it waited this long. */
    watchRequest: enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'sync.requestStarted') return;
      enqueue.raise(
        { type: 'sync.requestSlow', channel: event.channel, forMs: context.slowAfterMs },
        { id: event.requestId, delay: context.slowAfterMs },
      );
    }),
    stopWatching: cancel(({ event }) => (event.type === 'sync.requestEnded' ? event.requestId : '')),
    markReached: assign(({ context, event }) => {
      if (event.type !== 'sync.requestSucceeded' && event.type !== 'sync.streamAlive') return {};
      const channel = event.type === 'sync.streamAlive' ? STREAM_CHANNEL : event.channel;
      const { [channel]: _cleared, ...stuck } = context.stuck;
      return { unreachable: false, stuck };
    }),
    markUnreachable: assign(() => ({ unreachable: true, stuck: {} })),
    markStuck: assign(({ context, event }) => {
      let channel: string;
      let reason: string;
      if (event.type === 'sync.requestSlow') {
        channel = event.channel;
        reason = `the central system has not answered for ${seconds(event.forMs)} (${event.channel})`;
      } else if (event.type === 'sync.requestTimedOut') {
        channel = event.channel;
        reason = `the central system has not answered for ${seconds(event.afterMs)} (${event.channel})`;
      } else if (event.type === 'sync.streamSilent') {
        channel = STREAM_CHANNEL;
        reason = `no live updates from the central system for ${seconds(event.forMs)}; checking for changes regularly instead`;
      } else return {};
      return { unreachable: false, stuck: { ...context.stuck, [channel]: reason } };
    }),
  },
  guards: {
    isUnreachable: ({ context }) => context.unreachable,
    isStuck: ({ context }) => Object.keys(context.stuck).length > 0,
  },
}).createMachine({
  id: 'syncStatus',
  context: ({ input }) => ({ unreachable: true, stuck: {}, slowAfterMs: input.slowAfterMs ?? DEFAULT_SLOW_AFTER_MS }),
  initial: 'deciding',
  states: {
    deciding: {
      always: [{ guard: 'isUnreachable', target: 'offline' }, { guard: 'isStuck', target: 'stuck' }, { target: 'online' }],
    },
    offline: {},
    online: {},
    stuck: {},
  },
  on: {
    'sync.requestStarted': { actions: 'watchRequest' },
    'sync.requestEnded': { actions: 'stopWatching' },
    'sync.requestSucceeded': { target: '.deciding', actions: 'markReached' },
    'sync.streamAlive': { target: '.deciding', actions: 'markReached' },
    'sync.unreachable': { target: '.deciding', actions: 'markUnreachable' },
    'sync.networkLost': { target: '.deciding', actions: 'markUnreachable' },
    'sync.requestSlow': { target: '.deciding', actions: 'markStuck' },
    'sync.requestTimedOut': { target: '.deciding', actions: 'markStuck' },
    'sync.streamSilent': { target: '.deciding', actions: 'markStuck' },
  },
});

export type SyncLinkState = 'online' | 'offline' | 'stuck';

/** The state and, when stuck, the first reason, for the status bar. */
export function describeSyncLink(snapshot: SnapshotFrom<typeof syncStatusMachine>): { link: SyncLinkState; stuck: string | null } {
  // Asked of the machine's states, so a state added later cannot be mistaken for one of these.
  const link: SyncLinkState = snapshot.matches('online') ? 'online' : snapshot.matches('stuck') ? 'stuck' : 'offline';
  const reasons = Object.values(snapshot.context.stuck);
  return { link, stuck: link === 'stuck' ? (reasons[0] ?? null) : null };
}
