import { useRouter } from '@tanstack/react-router';
import { useEffect, useState } from 'react';

/** Fields where Alt+Arrow edits text (word-wise on macOS) instead of moving through history. */
const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'color', 'file', 'image', 'radio', 'range', 'reset', 'submit']);

function editsText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}

/** Whether Back/Forward lead anywhere. The Navigation API knows both; without it, forward is assumed. */
function historyPosition(tanstackCanGoBack: boolean): { canGoBack: boolean; canGoForward: boolean } {
  const nav = 'navigation' in window ? window.navigation : undefined;
  return nav ? { canGoBack: nav.canGoBack, canGoForward: nav.canGoForward } : { canGoBack: tanstackCanGoBack, canGoForward: true };
}

/** Back and Forward for the app chrome, and the Alt+← / Alt+→ shortcuts (Electron has no browser chrome to give them). */
export function HistoryButtons() {
  const router = useRouter();
  const [{ canGoBack, canGoForward }, setPosition] = useState(() => historyPosition(router.history.canGoBack()));

  useEffect(() => {
    const update = () => setPosition(historyPosition(router.history.canGoBack()));
    update();
    // The router writes the browser history a microtask after it notifies; read after that.
    const unsubscribe = router.history.subscribe(() => queueMicrotask(update));
    const nav = 'navigation' in window ? window.navigation : undefined;
    nav?.addEventListener('currententrychange', update);
    return () => {
      unsubscribe();
      nav?.removeEventListener('currententrychange', update);
    };
  }, [router]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.defaultPrevented) return;
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      // Not while typing, and not under an open dialog: it asks something about this screen.
      if (editsText(event.target) || document.querySelector('dialog[open]')) return;
      // Also keeps the browser build from going back a second time with its own shortcut.
      event.preventDefault();
      if (event.key === 'ArrowLeft') router.history.back();
      else router.history.forward();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [router]);

  return (
    <div className="history-buttons" role="group" aria-label="History">
      <button
        type="button"
        aria-label="Back"
        title="Back (Alt+←)"
        aria-keyshortcuts="Alt+ArrowLeft"
        disabled={!canGoBack}
        onClick={() => router.history.back()}
      >
        <span aria-hidden="true">←</span>
      </button>
      <button
        type="button"
        aria-label="Forward"
        title="Forward (Alt+→)"
        aria-keyshortcuts="Alt+ArrowRight"
        disabled={!canGoForward}
        onClick={() => router.history.forward()}
      >
        <span aria-hidden="true">→</span>
      </button>
    </div>
  );
}
