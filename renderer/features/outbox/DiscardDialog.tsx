import { useEffect, useId, useRef } from 'react';

export interface DiscardDialogProps {
  title: string;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * Asks before a change is discarded. A modal alertdialog: focus goes to the safe choice and
 * Escape keeps the change.
 */
export function DiscardDialog({ title, busy, onConfirm, onCancel }: DiscardDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const textId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    keepRef.current?.focus();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={headingId}
      aria-describedby={textId}
      className="dialog"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={headingId}>Discard the change to {title}?</h2>
      <p id={textId}>
        The record goes back to the central system&apos;s last version, or is removed if the central system never accepted it. A copy of
        your version is kept under &quot;Discarded&quot; in the Outbox, where you can restore it.
      </p>
      <div className="form-actions">
        <button ref={keepRef} type="button" className="button" disabled={busy} onClick={onCancel}>
          Keep change
        </button>
        <button type="button" className="button button--danger" disabled={busy} onClick={onConfirm}>
          Discard change
        </button>
      </div>
    </dialog>
  );
}
