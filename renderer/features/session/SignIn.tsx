import { useId, useState, type FormEvent } from 'react';
import type { AppInfo } from '../../../shared/bridge';
import { DEMO_IDENTITIES, DEMO_PASSWORD } from './demoIdentities';
import { startSession, type LocalSession } from './session';

interface Props {
  app: AppInfo;
  notice?: string;
  onSignedIn(session: LocalSession): void;
}

export function SignIn({ app, notice, onSignedIn }: Props) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError('Enter your username and password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await startSession(app, username.trim(), password));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <h1>Sign in</h1>
      <p>Outpost {app.version} · central system {app.centralUrl}</p>
      {notice && <p role="status">{notice}</p>}
      <form onSubmit={submit} aria-describedby={error ? errorId : undefined} noValidate>
        <label>
          Username
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && (
          <p id={errorId} role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {app.demoMode && (
        <section aria-labelledby="demo-identities">
          <h2 id="demo-identities">Demo identities</h2>
          <p>Password for all: {DEMO_PASSWORD}</p>
          <ul>
            {DEMO_IDENTITIES.map((identity) => (
              <li key={identity.username}>
                {identity.username} ({identity.role})
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
