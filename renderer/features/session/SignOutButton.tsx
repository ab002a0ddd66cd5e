import { useEffect, useId, useRef, useState } from 'react';
import { describeUnsynced } from '../../../shared/sync/unsynced';
import { useOutpost } from '../../app/OutpostContext';
import { countUnsynced } from './unsyncedWork';

/**
 * Signs out, after saying what has not reached the central system yet. Signing out never
 * deletes the local store: unsynced work stays on this laptop and goes up at the next sign-in.
 */
export function SignOutButton() {
  const { db, signOut } = useOutpost();
  const [warning, setWarning] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    if (warning && !dialog.current?.open) dialog.current?.showModal();
  }, [warning]);

  const finish = async () => {
    setBusy(true);
    await signOut();
  };
  const start = async () => {
    setBusy(true);
    const text = describeUnsynced(await countUnsynced(db));
    if (text) {
      setWarning(text);
      setBusy(false);
    } else await finish();
  };
  const cancel = () => {
    dialog.current?.close();
    setWarning(null);
  };

  return (
    <>
      <button type="button" disabled={busy} onClick={() => void start()}>
        Sign out
      </button>
      {warning && (
        <dialog ref={dialog} aria-labelledby={titleId} aria-describedby={textId} onCancel={cancel}>
          <h2 id={titleId}>Sign out with unsynced work?</h2>
          <p id={textId}>{warning}. It stays on this laptop and goes up the next time you sign in here; nothing is deleted.</p>
          <button type="button" autoFocus onClick={cancel}>
            Cancel
          </button>
          <button type="button" disabled={busy} onClick={() => void finish()}>
            Sign out anyway
          </button>
        </dialog>
      )}
    </>
  );
}
