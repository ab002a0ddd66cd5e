import { useLayoutEffect, useState, type RefObject } from 'react';

export interface RowWindow {
  /** First row index to render. */
  start: number;
  /** One past the last row index to render. */
  end: number;
}

/** Rows shown before the scroll container has been measured (about a screenful). */
const UNMEASURED_ROWS = 20;

/**
 * The rows of a fixed-height list that are in view of its scroll container, plus `overscan`
 * on each side. Constant work per render whatever the row count (a general virtualiser keeps
 * a measurement per row, rebuilt each time a search changes the count: O(n) at 50k rows), and
 * it renders again only when the first row in view or the view's height in rows changes, not
 * on every scrolled pixel.
 */
export function useRowWindow(scrollRef: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan: number): RowWindow {
  const [view, setView] = useState({ first: 0, rows: UNMEASURED_ROWS });
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return undefined;
    const update = () => {
      const first = Math.floor(element.scrollTop / rowHeight);
      const rows = Math.ceil(element.clientHeight / rowHeight) + 1;
      setView((v) => (v.first === first && v.rows === rows ? v : { first, rows }));
    };
    update();
    element.addEventListener('scroll', update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(element);
    return () => {
      element.removeEventListener('scroll', update);
      resize.disconnect();
    };
  }, [scrollRef, rowHeight]);
  const start = Math.max(0, Math.min(view.first, count) - overscan);
  const end = Math.min(count, view.first + view.rows + overscan);
  return { start, end: Math.max(start, end) };
}
