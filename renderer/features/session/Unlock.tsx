import { useEffect, useId, useState, type FormEvent } from 'react';
import type { UserInfo } from '../../../shared/sync/protocol';

interface Props {
  user: UserInfo;
  /** The session machine's answer to the last attempt. */
  error: string | null;
  /** Unlocking: the machine does not accept another attempt now. */
  busy: boolean;
  onUnlock(password: string): void;
}

/** Shown while the app is locked: the workspace is closed and its key dropped until the password is given. */
export function Unlock({ user, error, busy, onUnlock }: Props) {
  const [password, setPassword] = useState('');
  const errorId = useId();
  // A refused password is cleared, so the next try starts empty.
  useEffect(() => {
    if (error) setPassword('');
  }, [error]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onUnlock(password);
  };

  return (
    <main className="sign-in">
      <h1>Outpost is locked</h1>
      <p role="status">
        Locked after a while without use. {user.displayName}, enter your password to continue; your work is kept on this laptop.
      </p>
      <form onSubmit={submit} aria-describedby={error ? errorId : undefined} noValidate>
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
          {busy ? 'Unlocking…' : 'Unlock'}
        </button>
      </form>
    </main>
  );
}
