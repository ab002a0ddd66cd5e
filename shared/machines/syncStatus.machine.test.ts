import { afterEach, describe, expect, it, vi } from 'vitest';
import { assign, createActor } from 'xstate';
import { describeSyncLink, syncStatusMachine, type SyncStatusEvent } from './syncStatus.machine';

function after(events: SyncStatusEvent[], machine = syncStatusMachine) {
  const actor = createActor(machine, { input: {} }).start();
  for (const event of events) actor.send(event);
  const result = describeSyncLink(actor.getSnapshot());
  actor.stop();
  return result;
}

const ok = (channel: string): SyncStatusEvent => ({ type: 'sync.requestSucceeded', channel });

describe('sync status machine', () => {
  it('is offline until the central system has answered once', () => {
    expect(after([])).toEqual({ link: 'offline', stuck: null });
    expect(after([ok('receiving leads')])).toEqual({ link: 'online', stuck: null });
  });

  it('says stuck, with why, when a request goes unanswered, not offline', () => {
    const status = after([ok('receiving leads'), { type: 'sync.requestTimedOut', channel: 'sending leads', afterMs: 20_000 }]);
    expect(status).toEqual({ link: 'stuck', stuck: 'the central system has not answered for 20 s (sending leads)' });
  });

  it('stays stuck while other channels answer, until the stuck channel itself succeeds', () => {
    const stuck: SyncStatusEvent[] = [
      ok('receiving leads'),
      { type: 'sync.requestSlow', channel: 'sending leads', forMs: 8_000 },
      ok('receiving orders'),
    ];
    expect(after(stuck).link).toBe('stuck');
    expect(after([...stuck, ok('sending leads')])).toEqual({ link: 'online', stuck: null });
  });

  it('says stuck while the live stream is silent and online again once it speaks', () => {
    const silent: SyncStatusEvent[] = [ok('receiving leads'), { type: 'sync.streamSilent', forMs: 8_000 }];
    expect(after(silent).stuck).toMatch(/no live updates from the central system for 8 s/);
    expect(after([...silent, { type: 'sync.streamAlive' }]).link).toBe('online');
  });

  it('is offline when the central system cannot be reached or the network is gone, whatever was stuck', () => {
    const stuck: SyncStatusEvent = { type: 'sync.requestSlow', channel: 'sending leads', forMs: 8_000 };
    expect(after([ok('a'), stuck, { type: 'sync.unreachable', channel: 'receiving leads' }])).toEqual({ link: 'offline', stuck: null });
    expect(after([ok('a'), stuck, { type: 'sync.networkLost' }]).link).toBe('offline');
  });

  it('decides through its named guards and actions, which can be provided differently', () => {
    // A machine that never clears stuck channels stays stuck: the decision reads the guard, not the event.
    const sticky = syncStatusMachine.provide({ actions: { markReached: assign({ unreachable: false }) } });
    expect(after([{ type: 'sync.requestSlow', channel: 'sending leads', forMs: 8_000 }, ok('sending leads')], sticky).link).toBe('stuck');
    const neverStuck = syncStatusMachine.provide({ guards: { isStuck: () => false } });
    expect(after([ok('a'), { type: 'sync.streamSilent', forMs: 8_000 }], neverStuck).link).toBe('online');
  });

  describe('watching requests on their way', () => {
    afterEach(() => vi.useRealTimers());
    const watch = () => {
      vi.useFakeTimers();
      const actor = createActor(syncStatusMachine, { input: { slowAfterMs: 8_000 } }).start();
      actor.send(ok('receiving leads'));
      return actor;
    };

    it('says stuck, naming the channel, once a request has waited the slow time, before it times out', async () => {
      const actor = watch();
      actor.send({ type: 'sync.requestStarted', channel: 'sending orders', requestId: 'r1' });
      await vi.advanceTimersByTimeAsync(7_999);
      expect(describeSyncLink(actor.getSnapshot()).link).toBe('online');
      await vi.advanceTimersByTimeAsync(1);
      expect(describeSyncLink(actor.getSnapshot())).toEqual({
        link: 'stuck',
        stuck: 'the central system has not answered for 8 s (sending orders)',
      });
      actor.send(ok('sending orders'));
      actor.send({ type: 'sync.requestEnded', requestId: 'r1' });
      expect(describeSyncLink(actor.getSnapshot()).link).toBe('online');
      actor.stop();
    });

    it('never says stuck for a request answered in time, nor after the machine stopped', async () => {
      const actor = watch();
      actor.send({ type: 'sync.requestStarted', channel: 'sending orders', requestId: 'r1' });
      await vi.advanceTimersByTimeAsync(3_000);
      actor.send(ok('sending orders'));
      actor.send({ type: 'sync.requestEnded', requestId: 'r1' });
      await vi.advanceTimersByTimeAsync(10_000);
      expect(describeSyncLink(actor.getSnapshot()).link).toBe('online');
      actor.send({ type: 'sync.requestStarted', channel: 'receiving leads', requestId: 'r2' });
      actor.stop();
      await vi.advanceTimersByTimeAsync(20_000);
      expect(describeSyncLink(actor.getSnapshot()).link).toBe('online');
    });
  });
});
