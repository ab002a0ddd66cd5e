import { useId, useState, type FormEvent } from 'react';
import type { AppInfo } from '../../../shared/bridge';
import { DEMO_IDENTITIES, DEMO_PASSWORD } from './demoIdentities';

interface Props {
  app: AppInfo;
  notice?: string;
  /** The session machine's answer to the last attempt. */
  error: string | null;
  /** Signing in: the machine does not accept another attempt now. */
  busy: boolean;
  onSignIn(username: string, password: string): void;
}

/** The sign-in form; checking the credentials (online, or offline on this laptop) is the session machine's. */
export function SignIn({ app, notice, error, busy, onSignIn }: Props) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const errorId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSignIn(username, password);
  };

  return (
    <main className="sign-in">
      <h1>Sign in</h1>
      {notice && <p role="status">{notice}</p>}
      <form onSubmit={submit} aria-describedby={error ? errorId : undefined} noValidate>
        <label>
          Username
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
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
      <footer className="sign-in-footer">
        <p>
          Outpost version {app.version} · central system {app.centralUrl}
        </p>
      </footer>
    </main>
  );
}
