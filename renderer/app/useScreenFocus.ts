import { useRouterState } from '@tanstack/react-router';
import { useEffect, useState, type RefObject } from 'react';

/** How long to wait for a record screen's heading (it renders once its record is read). */
const HEADING_WAIT_MS = 10_000;

/**
 * After every navigation (and on first show), moves focus to the new screen's h1 so keyboard and
 * screen-reader users start at the top of what changed, names the window after it, and returns
 * the text for the polite live region that announces the change. A record screen shows its h1
 * only after its record loads, so this waits for the heading to appear.
 */
export function useScreenFocus(main: RefObject<HTMLElement | null>): string {
  const href = useRouterState({ select: (s) => s.resolvedLocation?.href });
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const container = main.current;
    if (!container || href === undefined) return;
    const focusHeading = (): boolean => {
      const heading = container.querySelector('h1');
      if (!heading) return false;
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
      const name = heading.textContent?.trim() ?? '';
      document.title = name ? `${name} · Outpost` : 'Outpost';
      setAnnouncement(name);
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(container, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), HEADING_WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [main, href]);

  // The window's title belongs to the workspace only while it is open.
  useEffect(() => () => void (document.title = 'Outpost'), []);
  return announcement;
}
