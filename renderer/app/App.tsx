import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/bridge';
import { SignIn } from '../features/session/SignIn';
import { loadSession, saveSession, type LocalSession } from '../features/session/session';
import { platform } from '../platform';
import { openWorkspace } from './openWorkspace';
import type { OutpostServices } from './OutpostContext';
import { Workspace } from './Workspace';

type Phase =
  | { kind: 'starting' }
  | { kind: 'failed'; message: string }
  | { kind: 'signedOut'; app: AppInfo; notice?: string }
  | { kind: 'ready'; services: OutpostServices };

export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });

  const enter = useCallback(async (app: AppInfo, session: LocalSession) => {
    const services = await openWorkspace(app, session, {
      onSignedOut: (notice) => setPhase({ kind: 'signedOut', app, notice }),
    });
    setPhase({ kind: 'ready', services });
  }, []);

  useEffect(() => {
    void (async () => {
      try {
        const app = await platform.app.getInfo();
        const session = await loadSession();
        if (session) await enter(app, session);
        else setPhase({ kind: 'signedOut', app });
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
    case 'ready':
      return <Workspace services={phase.services} />;
  }
}
