import { fromPromise } from 'xstate';
import type { AppInfo } from '../../../shared/bridge';
import { openWorkspace } from '../../app/openWorkspace';
import type { OutpostServices } from '../../app/OutpostContext';
import { platform } from '../../platform';
import { ensureDeviceId } from './device';
import type { BootResult, SessionEvent } from './session.machine';
import {
  WrongPasswordError,
  loadSession,
  rememberPassword,
  saveSession,
  startSession,
  unlockSession,
  type LocalSession,
  type StoredSession,
} from './session';

/**
 * The session machine's I/O: the platform's secrets, the central system's sign-in, the local
 * store. `notify` sends the open workspace's reports (locked, signed out, wiped) to the machine.
 */
export function sessionActors(notify: (event: SessionEvent) => void) {
  const open = (app: AppInfo, session: LocalSession): Promise<OutpostServices> =>
    openWorkspace(app, session, {
      onSignedOut: (notice) => notify({ type: 'workspace.signedOut', notice }),
      onLocked: (stored) => notify({ type: 'workspace.locked', stored }),
      onWiping: (wipe, pending) => notify({ type: 'workspace.wiping', wipe, pending }),
      onWiped: (result) => notify({ type: 'workspace.wiped', result }),
    });

  return {
    boot: fromPromise<BootResult>(async () => {
      const app = await platform.app.getInfo();
      // Before any request: every request to the central system names this installation.
      await ensureDeviceId();
      return { app, session: await loadSession() };
    }),
    signIn: fromPromise<LocalSession, { app: AppInfo; username: string; password: string }>(async ({ input }) => {
      const session = await startSession(input.app, input.username, input.password);
      await saveSession(session);
      return session;
    }),
    openWorkspace: fromPromise<OutpostServices, { app: AppInfo; session: LocalSession }>(({ input }) => open(input.app, input.session)),
    unlock: fromPromise<OutpostServices, { app: AppInfo; stored: StoredSession; password: string }>(
      async ({ input: { app, stored, password } }) => {
        const { session, verified } = await unlockSession(stored, password);
        // Saved before the workspace opens: a token it renews right away must not be overwritten by older ones.
        await saveSession(session);
        let services: OutpostServices;
        try {
          services = await open(app, session);
        } catch (error) {
          await saveSession(stored);
          // Without a stored hash the store itself checks the password: the wrong key cannot open it.
          if (!verified) throw new WrongPasswordError(stored.central.user.username);
          throw error;
        }
        if (!verified) await rememberPassword(session.central.user, password);
        return services;
      },
    ),
    renewDevice: fromPromise<void>(async () => {
      await ensureDeviceId();
    }),
  };
}
