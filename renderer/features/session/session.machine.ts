/**
 * Sign-in and session lifecycle of the app: starting, signed out, signing in (online, or offline
 * against the password hash kept on this laptop), the open workspace, locked after idle time,
 * unlocking (checked on this laptop), wiping (a remote wipe pushes the queue first) and wiped. Every piece of I/O is an
 * invoked actor the app provides (sessionActors.ts); tests provide doubles.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { AppInfo } from '../../../shared/bridge';
import type { WipeResult } from '../../app/openWorkspace';
import type { PendingWipe } from './remoteWipe';
import type { OutpostServices } from '../../app/OutpostContext';
import type { LocalSession, StoredSession } from './session';

export interface SessionContext {
  app: AppInfo | null;
  /** The session as kept in the secrets (locked: without its key). */
  stored: StoredSession | null;
  /** A session with its key, on its way to opening the workspace. */
  session: LocalSession | null;
  services: OutpostServices | null;
  /** Said on the sign-in screen (e.g. why the rep was signed out). */
  notice: string | null;
  /** What went wrong with the last attempt, for the rep. */
  error: string | null;
  wipe: WipeResult | null;
  /** A remote wipe under way: the queue is being sent before the data is removed. */
  wiping: WipeInProgress | null;
  /** Why the app could not start at all. */
  failure: string | null;
}

export type SessionEvent =
  | { type: 'session.signIn'; username: string; password: string }
  | { type: 'session.unlock'; password: string }
  | { type: 'session.signInAgain' }
  /** The open workspace reports what happened to it. */
  | { type: 'workspace.locked'; stored: StoredSession }
  | { type: 'workspace.signedOut'; notice?: string }
  | ({ type: 'workspace.wiping' } & WipeInProgress)
  | { type: 'workspace.wiped'; result: WipeResult };

/** What the rep is told while a wipe sends their queue: why, and how many changes are on their way. */
export interface WipeInProgress {
  wipe: PendingWipe;
  pending: number;
}

export interface BootResult {
  app: AppInfo;
  session: StoredSession | null;
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

const notProvided = (what: string) => () => Promise.reject(new Error(`${what} is provided by the app`));

export const sessionMachine = setup({
  types: { context: {} as SessionContext, events: {} as SessionEvent },
  actors: {
    /** Reads the app info, makes sure the installation has an id, loads the stored session. */
    boot: fromPromise<BootResult>(notProvided('boot')),
    /** Signs in with the central system, or offline against the hash on this laptop; stores the session. */
    signIn: fromPromise<LocalSession, { app: AppInfo; username: string; password: string }>(notProvided('signIn')),
    openWorkspace: fromPromise<OutpostServices, { app: AppInfo; session: LocalSession }>(notProvided('openWorkspace')),
    /** Checks the password on this laptop and opens the workspace again. */
    unlock: fromPromise<OutpostServices, { app: AppInfo; stored: StoredSession; password: string }>(notProvided('unlock')),
    /** After a wipe: a new installation id before signing in again. */
    renewDevice: fromPromise<void>(notProvided('renewDevice')),
  },
  actions: {
    rememberBoot: assign((_, { app, session }: BootResult) => ({ app, stored: session, session: isUnlocked(session) ? session : null })),
    rememberSession: assign((_, session: LocalSession) => ({ session, error: null })),
    rememberServices: assign((_, services: OutpostServices) => ({ services, error: null, notice: null })),
    clearError: assign({ error: null }),
    showError: assign((_, message: string) => ({ error: message })),
    showFailure: assign((_, failure: string) => ({ failure })),
    closeWorkspace: assign({ services: null, session: null }),
    rememberLocked: assign(({ event }) => (event.type === 'workspace.locked' ? { stored: event.stored, error: null } : {})),
    rememberSignedOut: assign(({ event }) =>
      event.type === 'workspace.signedOut' ? { notice: event.notice ?? null, stored: null, error: null } : {},
    ),
    rememberWiping: assign(({ event }) =>
      event.type === 'workspace.wiping' ? { wiping: { wipe: event.wipe, pending: event.pending } } : {},
    ),
    rememberWipe: assign(({ event }) => (event.type === 'workspace.wiped' ? { wipe: event.result, wiping: null, stored: null } : {})),
    forgetWiping: assign({ wiping: null }),
    forgetWipe: assign({ wipe: null, notice: null, error: null }),
  },
  guards: {
    noSession: (_, { session }: BootResult) => session === null,
    unlocked: (_, { session }: BootResult) => isUnlocked(session),
    credentialsMissing: ({ event }) => event.type === 'session.signIn' && (!event.username.trim() || !event.password),
    passwordMissing: ({ event }) => event.type === 'session.unlock' && !event.password,
  },
}).createMachine({
  id: 'session',
  context: {
    app: null,
    stored: null,
    session: null,
    services: null,
    notice: null,
    error: null,
    wipe: null,
    wiping: null,
    failure: null,
  },
  initial: 'starting',
  states: {
    starting: {
      initial: 'loading',
      states: {
        loading: {
          invoke: {
            src: 'boot',
            onDone: [
              {
                guard: { type: 'noSession', params: ({ event }) => event.output },
                target: '#session.signedOut',
                actions: { type: 'rememberBoot', params: ({ event }) => event.output },
              },
              {
                guard: { type: 'unlocked', params: ({ event }) => event.output },
                target: 'opening',
                actions: { type: 'rememberBoot', params: ({ event }) => event.output },
              },
              // Locked when the app closed: it stays locked, the key was not kept.
              { target: '#session.locked', actions: { type: 'rememberBoot', params: ({ event }) => event.output } },
            ],
            onError: { target: '#session.failed', actions: { type: 'showFailure', params: ({ event }) => reason(event.error) } },
          },
        },
        opening: {
          invoke: {
            src: 'openWorkspace',
            input: ({ context }) => ({ app: context.app!, session: context.session! }),
            onDone: { target: '#session.ready', actions: { type: 'rememberServices', params: ({ event }) => event.output } },
            onError: { target: '#session.failed', actions: { type: 'showFailure', params: ({ event }) => reason(event.error) } },
          },
        },
      },
    },
    failed: {},
    signedOut: {
      on: {
        'session.signIn': [
          { guard: 'credentialsMissing', actions: { type: 'showError', params: 'Enter your username and password.' } },
          { target: 'signingIn', actions: 'clearError' },
        ],
      },
    },
    signingIn: {
      initial: 'checking',
      states: {
        checking: {
          invoke: {
            src: 'signIn',
            input: ({ context, event }) => {
              const { username, password } = event.type === 'session.signIn' ? event : { username: '', password: '' };
              return { app: context.app!, username: username.trim(), password };
            },
            onDone: { target: 'opening', actions: { type: 'rememberSession', params: ({ event }) => event.output } },
            onError: { target: '#session.signedOut', actions: { type: 'showError', params: ({ event }) => reason(event.error) } },
          },
        },
        opening: {
          invoke: {
            src: 'openWorkspace',
            input: ({ context }) => ({ app: context.app!, session: context.session! }),
            onDone: { target: '#session.ready', actions: { type: 'rememberServices', params: ({ event }) => event.output } },
            onError: {
              target: '#session.signedOut',
              actions: { type: 'showError', params: ({ event }) => `Your data on this laptop could not be opened: ${reason(event.error)}` },
            },
          },
        },
      },
    },
    /** The workspace is open; it reports idle lock, sign-out (also an ended session), a wipe starting and a carried-out wipe. */
    ready: {
      on: {
        'workspace.locked': { target: 'locked', actions: ['closeWorkspace', 'rememberLocked'] },
        'workspace.signedOut': { target: 'signedOut', actions: ['closeWorkspace', 'rememberSignedOut'] },
        'workspace.wiping': { target: 'wiping', actions: 'rememberWiping' },
        'workspace.wiped': { target: 'wiped', actions: ['closeWorkspace', 'rememberWipe'] },
      },
    },
    /**
     * A remote wipe was asked for: the queue is being sent (bounded), then the data goes. The
     * workspace is no longer shown, so nothing new is captured that the wipe would remove.
     */
    wiping: {
      on: {
        'workspace.wiped': { target: 'wiped', actions: ['closeWorkspace', 'rememberWipe'] },
        // The workspace closed another way first (the session ended): the wipe is asked again at the next sign-in.
        'workspace.signedOut': { target: 'signedOut', actions: ['closeWorkspace', 'forgetWiping', 'rememberSignedOut'] },
        'workspace.locked': { target: 'locked', actions: ['closeWorkspace', 'forgetWiping', 'rememberLocked'] },
      },
    },
    locked: {
      on: {
        'session.unlock': [
          { guard: 'passwordMissing', actions: { type: 'showError', params: 'Enter your password to unlock.' } },
          { target: 'unlocking', actions: 'clearError' },
        ],
      },
    },
    unlocking: {
      invoke: {
        src: 'unlock',
        input: ({ context, event }) => ({
          app: context.app!,
          stored: context.stored!,
          password: event.type === 'session.unlock' ? event.password : '',
        }),
        onDone: { target: 'ready', actions: { type: 'rememberServices', params: ({ event }) => event.output } },
        onError: { target: 'locked', actions: { type: 'showError', params: ({ event }) => reason(event.error) } },
      },
    },
    /** The data is gone from this laptop: what happened, and signing in again with a new installation id. */
    wiped: {
      on: { 'session.signInAgain': 'renewingDevice' },
    },
    renewingDevice: {
      invoke: {
        src: 'renewDevice',
        onDone: { target: 'signedOut', actions: 'forgetWipe' },
        onError: { target: 'signedOut', actions: ['forgetWipe', { type: 'showError', params: ({ event }) => reason(event.error) }] },
      },
    },
  },
});

function isUnlocked(session: StoredSession | null): session is LocalSession {
  return session !== null && typeof session.storageKey === 'string' && session.storageKey.length > 0;
}
