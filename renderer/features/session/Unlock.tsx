import { useId, useState, type FormEvent } from 'react';
import type { UserInfo } from '../../../shared/sync/protocol';

interface Props {
  user: UserInfo;
  /** Resolves once the workspace is open again; rejects with a message for the rep. */
  onUnlock(password: string): Promise<void>;
}

/** Shown while the app is locked: the workspace is closed and its key dropped until the password is given. */
export function Unlock({ user, onUnlock }: Props) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!password) {
      setError('Enter your password to unlock.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onUnlock(password);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setPassword('');
      setBusy(false);
    }
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
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
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
