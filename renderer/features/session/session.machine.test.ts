import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor, type SnapshotFrom } from 'xstate';
import type { AppInfo } from '../../../shared/bridge';
import type { UserInfo } from '../../../shared/sync/protocol';
import type { OutpostServices } from '../../app/OutpostContext';
import { sessionMachine, type BootResult } from './session.machine';
import type { LocalSession, StoredSession } from './session';

const app: AppInfo = {
  name: 'Outpost',
  version: '0.1.0',
  shell: 'browser',
  centralUrl: 'http://127.0.0.1:4010',
  demoMode: true,
  idleLockMinutes: 15,
};
const user: UserInfo = { id: 'u-sam', username: 'sam', displayName: 'Sam Rep', role: 'rep' };
const central = { accessToken: 'token', expiresAt: Date.now() + 60_000, user };
const unlockedSession: LocalSession = { central, storageKey: 'k'.repeat(64) };
const lockedSession: StoredSession = { central };
/** Stands in for the open workspace (store, sync): the machine only hands it to the screens. */
const services = { user } as OutpostServices;

/** The laptop's secrets, the central system and the store, as far as the session can tell. */
function laptop(
  options: {
    stored?: StoredSession | null;
    password?: string;
    online?: boolean;
    verifier?: boolean;
    bootFails?: string;
    openFails?: string;
  } = {},
) {
  const password = options.password ?? 'demo';
  const calls: string[] = [];
  const machine = sessionMachine.provide({
    actors: {
      boot: fromPromise<BootResult>(async () => {
        if (options.bootFails) throw new Error(options.bootFails);
        return { app, session: options.stored ?? null };
      }),
      signIn: fromPromise<LocalSession, { app: AppInfo; username: string; password: string }>(async ({ input }) => {
        calls.push(`signIn ${input.username}`);
        if (options.online === false && !options.verifier)
          throw new Error(`The central system cannot be reached. ${input.username} has not signed in on this laptop before`);
        if (input.password !== password) throw new Error(`That is not the password of ${input.username}. Check it and try again.`);
        return unlockedSession;
      }),
      openWorkspace: fromPromise<OutpostServices, { app: AppInfo; session: LocalSession }>(async () => {
        calls.push('open');
        if (options.openFails) throw new Error(options.openFails);
        return services;
      }),
      unlock: fromPromise<OutpostServices, { app: AppInfo; stored: StoredSession; password: string }>(async ({ input }) => {
        calls.push('unlock');
        if (input.password !== password)
          throw new Error(`That is not the password of ${input.stored.central.user.username}. Check it and try again.`);
        return services;
      }),
      renewDevice: fromPromise<void>(async () => void calls.push('renewDevice')),
    },
  });
  const actor = createActor(machine).start();
  const settled = () =>
    waitFor(actor, (s) => !(['starting', 'signingIn', 'unlocking', 'renewingDevice'] as const).some((state) => s.matches(state)));
  return { actor, calls, settled };
}

/** What the rep sees: which screen, its message, and whether its button takes another try. */
function screen(s: SnapshotFrom<typeof sessionMachine>) {
  const name =
    (['failed', 'signedOut', 'signingIn', 'ready', 'locked', 'unlocking', 'wiping', 'wiped'] as const).find((state) => s.matches(state)) ??
    'starting';
  return {
    name,
    error: s.context.error,
    notice: s.context.notice,
    canSignIn: s.can({ type: 'session.signIn', username: 'sam', password: 'demo' }),
    canUnlock: s.can({ type: 'session.unlock', password: 'demo' }),
  };
}

describe('session machine', () => {
  it('starts signed out on a new laptop, and asks for both fields before trying', async () => {
    const { actor, calls, settled } = laptop();
    await settled();
    expect(screen(actor.getSnapshot())).toMatchObject({ name: 'signedOut', canSignIn: true, canUnlock: false });
    actor.send({ type: 'session.signIn', username: '  ', password: 'demo' });
    expect(screen(actor.getSnapshot())).toMatchObject({ name: 'signedOut', error: 'Enter your username and password.' });
    expect(calls).toEqual([]);
  });

  it('signs in, opens the workspace, and cannot be sent a second sign-in meanwhile', async () => {
    const { actor, calls, settled } = laptop();
    await settled();
    actor.send({ type: 'session.signIn', username: ' sam ', password: 'demo' });
    expect(screen(actor.getSnapshot())).toMatchObject({ name: 'signingIn', canSignIn: false, error: null });
    await settled();
    expect(screen(actor.getSnapshot()).name).toBe('ready');
    expect(actor.getSnapshot().context.services).toBe(services);
    expect(calls).toEqual(['signIn sam', 'open']);
  });

  it('shows why a sign-in failed and takes another try', async () => {
    const { actor, settled } = laptop({ online: false });
    await settled();
    actor.send({ type: 'session.signIn', username: 'morgan', password: 'demo' });
    await settled();
    expect(screen(actor.getSnapshot())).toMatchObject({ name: 'signedOut', canSignIn: true });
    expect(actor.getSnapshot().context.error).toMatch(/morgan has not signed in on this laptop before/);
  });

  it('says so when the local data cannot be opened after signing in', async () => {
    const { actor, settled } = laptop({ openFails: 'the store is corrupt' });
    await settled();
    actor.send({ type: 'session.signIn', username: 'sam', password: 'demo' });
    await settled();
    expect(screen(actor.getSnapshot())).toMatchObject({
      name: 'signedOut',
      error: 'Your data on this laptop could not be opened: the store is corrupt',
    });
  });

  it('reopens the workspace at start when the session kept its key, and stays locked when it did not', async () => {
    const open = laptop({ stored: unlockedSession });
    await open.settled();
    expect(screen(open.actor.getSnapshot()).name).toBe('ready');
    const locked = laptop({ stored: lockedSession });
    await locked.settled();
    expect(screen(locked.actor.getSnapshot())).toMatchObject({ name: 'locked', canUnlock: true, canSignIn: false });
    expect(locked.calls).toEqual([]);
  });

  it('locks after idle time and unlocks offline with the password checked on this laptop; a wrong one is refused', async () => {
    const { actor, calls, settled } = laptop({ stored: unlockedSession });
    await settled();
    actor.send({ type: 'workspace.locked', stored: lockedSession });
    expect(screen(actor.getSnapshot())).toMatchObject({ name: 'locked', canUnlock: true });
    expect(actor.getSnapshot().context.services).toBeNull();

    actor.send({ type: 'session.unlock', password: '' });
    expect(screen(actor.getSnapshot()).error).toBe('Enter your password to unlock.');
    actor.send({ type: 'session.unlock', password: 'wrong' });
    expect(screen(actor.getSnapshot())).toMatchObject({ name: 'unlocking', canUnlock: false });
    await settled();
    expect(screen(actor.getSnapshot())).toMatchObject({
      name: 'locked',
      error: 'That is not the password of sam. Check it and try again.',
    });
    actor.send({ type: 'session.unlock', password: 'demo' });
    await settled();
    expect(screen(actor.getSnapshot())).toMatchObject({ name: 'ready', error: null });
    expect(calls).toEqual(['open', 'unlock', 'unlock']);
  });

  it('shows the sign-in screen with the reason once the workspace signs out (or the session ended)', async () => {
    const { actor, settled } = laptop({ stored: unlockedSession });
    await settled();
    actor.send({
      type: 'workspace.signedOut',
      notice: 'Your session has ended. Sign in again to keep syncing; nothing on this laptop was lost.',
    });
    expect(screen(actor.getSnapshot())).toMatchObject({
      name: 'signedOut',
      notice: expect.stringMatching(/session has ended/),
      canSignIn: true,
    });
  });

  it('while a remote wipe sends the queue says so, no longer shows the workspace, then says what happened', async () => {
    const { actor, settled } = laptop({ stored: unlockedSession });
    await settled();
    const wipe = { id: 'w-1', reason: 'laptop stolen', requestedAt: '2024-05-01T00:00:00.000Z' };
    actor.send({ type: 'workspace.wiping', wipe, pending: 3 });
    expect(screen(actor.getSnapshot())).toMatchObject({ name: 'wiping', canSignIn: false, canUnlock: false });
    expect(actor.getSnapshot().context.wiping).toEqual({ wipe, pending: 3 });
    expect(actor.getSnapshot().context.services).toBe(services);
    actor.send({ type: 'workspace.wiped', result: { wipe, unsent: 1 } });
    expect(screen(actor.getSnapshot()).name).toBe('wiped');
    expect(actor.getSnapshot().context).toMatchObject({ wiping: null, services: null, wipe: { unsent: 1 } });
  });

  it('after a remote wipe says what happened, and signing in again first renews the installation id', async () => {
    const { actor, calls, settled } = laptop({ stored: unlockedSession });
    await settled();
    actor.send({
      type: 'workspace.wiped',
      result: { wipe: { id: 'w-1', reason: 'laptop stolen', requestedAt: '2024-05-01T00:00:00.000Z' }, unsent: 0 },
    });
    expect(screen(actor.getSnapshot())).toMatchObject({ name: 'wiped', canSignIn: false, canUnlock: false });
    expect(actor.getSnapshot().context.wipe?.wipe.reason).toBe('laptop stolen');
    actor.send({ type: 'session.signInAgain' });
    await settled();
    expect(screen(actor.getSnapshot())).toMatchObject({ name: 'signedOut', canSignIn: true });
    expect(actor.getSnapshot().context.wipe).toBeNull();
    expect(calls).toEqual(['open', 'renewDevice']);
  });

  it('says why the app could not start', async () => {
    const { actor, settled } = laptop({ bootFails: 'The secrets store is unavailable' });
    await settled();
    expect(screen(actor.getSnapshot()).name).toBe('failed');
    expect(actor.getSnapshot().context.failure).toBe('The secrets store is unavailable');
  });
});
