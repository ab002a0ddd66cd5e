import { useMachine } from '@xstate/react';
import { useRef, useState } from 'react';
import { SignIn } from '../features/session/SignIn';
import { Unlock } from '../features/session/Unlock';
import { Wiped } from '../features/session/Wiped';
import { Wiping } from '../features/session/Wiping';
import { sessionMachine, type SessionEvent } from '../features/session/session.machine';
import { sessionActors } from '../features/session/sessionActors';
import { Workspace } from './Workspace';

/** The app's phases are the session machine's states (features/session/session.machine.ts). */
export function App() {
  // The workspace reports to the machine once it exists; the ref is set before anything opens.
  const notify = useRef<(event: SessionEvent) => void>(() => undefined);
  const [machine] = useState(() => sessionMachine.provide({ actors: sessionActors((event) => notify.current(event)) }));
  const [snapshot, , session] = useMachine(machine);
  notify.current = session.send;
  const { app, stored, services, notice, error, wipe, wiping, failure } = snapshot.context;

  if (snapshot.matches('failed')) {
    return (
      <main>
        <h1>Outpost could not start</h1>
        <p role="alert">{failure}</p>
      </main>
    );
  }
  if (snapshot.matches('ready') && services) return <Workspace services={services} />;
  if ((snapshot.matches('signedOut') || snapshot.matches('signingIn') || snapshot.matches('renewingDevice')) && app) {
    return (
      <SignIn
        app={app}
        notice={notice ?? undefined}
        error={error}
        busy={!snapshot.can({ type: 'session.signIn', username: 'u', password: 'p' })}
        onSignIn={(username, password) => session.send({ type: 'session.signIn', username, password })}
      />
    );
  }
  if ((snapshot.matches('locked') || snapshot.matches('unlocking')) && stored) {
    return (
      <Unlock
        user={stored.central.user}
        error={error}
        busy={!snapshot.can({ type: 'session.unlock', password: 'p' })}
        onUnlock={(password) => session.send({ type: 'session.unlock', password })}
      />
    );
  }
  if (snapshot.matches('wiping') && wiping) return <Wiping reason={wiping.wipe.reason} pending={wiping.pending} />;
  if (snapshot.matches('wiped') && wipe) {
    return <Wiped reason={wipe.wipe.reason} unsent={wipe.unsent} onSignInAgain={() => session.send({ type: 'session.signInAgain' })} />;
  }
  return <p role="status">Starting Outpost…</p>;
}
