import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/bridge';
import { SignIn } from '../features/session/SignIn';
import { Unlock } from '../features/session/Unlock';
import { Wiped } from '../features/session/Wiped';
import { ensureDeviceId } from '../features/session/device';
import {
  WrongPasswordError,
  isUnlocked,
  loadSession,
  rememberPassword,
  saveSession,
  unlockSession,
  type LocalSession,
  type StoredSession,
} from '../features/session/session';
import { platform } from '../platform';
import { openWorkspace, type WipeResult } from './openWorkspace';
import type { OutpostServices } from './OutpostContext';
import { Workspace } from './Workspace';

type Phase =
  | { kind: 'starting' }
  | { kind: 'failed'; message: string }
  | { kind: 'signedOut'; app: AppInfo; notice?: string }
  | { kind: 'locked'; app: AppInfo; stored: StoredSession }
  | { kind: 'ready'; services: OutpostServices }
  | { kind: 'wiped'; app: AppInfo; result: WipeResult };

export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });

  const enter = useCallback(async (app: AppInfo, session: LocalSession) => {
    const services = await openWorkspace(app, session, {
      onSignedOut: (notice) => setPhase({ kind: 'signedOut', app, notice }),
      onLocked: (stored) => setPhase({ kind: 'locked', app, stored }),
      onWiped: (result) => setPhase({ kind: 'wiped', app, result }),
    });
    setPhase({ kind: 'ready', services });
  }, []);

  const unlock = useCallback(
    async (app: AppInfo, stored: StoredSession, password: string) => {
      const { session, verified } = await unlockSession(stored, password);
      // Saved before the workspace opens: a token it renews right away must not be overwritten by older ones.
      await saveSession(session);
      try {
        await enter(app, session);
      } catch (error) {
        await saveSession(stored);
        // Without a stored hash the store itself checks the password: the wrong key cannot open it.
        if (!verified) throw new WrongPasswordError(stored.central.user.username);
        throw error;
      }
      if (!verified) await rememberPassword(session.central.user, password);
    },
    [enter],
  );

  useEffect(() => {
    void (async () => {
      try {
        const app = await platform.app.getInfo();
        // Before any request: every request to the central system names this installation.
        await ensureDeviceId();
        const session = await loadSession();
        if (!session) setPhase({ kind: 'signedOut', app });
        else if (isUnlocked(session)) await enter(app, session);
        // Locked when the app closed: it stays locked, the key was not kept.
        else setPhase({ kind: 'locked', app, stored: session });
      } catch (error) {
        setPhase({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    })();
  }, [enter]);

  switch (phase.kind) {
    case 'starting':
      return <p role="status">Starting Outpost…</p>;
    case 'failed':
      return (
        <main>
          <h1>Outpost could not start</h1>
          <p role="alert">{phase.message}</p>
        </main>
      );
    case 'signedOut':
      return (
        <SignIn
          app={phase.app}
          notice={phase.notice}
          onSignedIn={(session) => {
            void saveSession(session).then(() => enter(phase.app, session));
          }}
        />
      );
    case 'locked':
      return <Unlock user={phase.stored.central.user} onUnlock={(password) => unlock(phase.app, phase.stored, password)} />;
    case 'ready':
      return <Workspace services={phase.services} />;
    case 'wiped': {
      const { app, result } = phase;
      const signInAgain = () => void ensureDeviceId().then(() => setPhase({ kind: 'signedOut', app }));
      return <Wiped reason={result.wipe.reason} unsent={result.unsent} onSignInAgain={signInAgain} />;
    }
  }
}
