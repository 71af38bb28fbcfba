// While the page scrolls, `<html>` carries the class `is-scrolling` (see styles.css, the journal's
// line actions).
import { useEffect } from 'react';

/** How long after the last scroll event the page counts as at rest again. */
const SCROLL_REST_MS = 150;

/**
 * Marks the page `is-scrolling` from a scroll until it rests: the stylesheet then leaves a line's
 * actions hidden on hover, so a wheel scroll under a still pointer does not reveal (re-lay out and
 * repaint) another line at every step. Focus still reveals them at once.
 */
export function useScrollingFlag(): void {
  useEffect(() => {
    const root = document.documentElement;
    let timer: number | undefined;
    const rest = () => {
      root.classList.remove('is-scrolling');
      timer = undefined;
    };
    const onScroll = () => {
      if (timer === undefined) root.classList.add('is-scrolling');
      else window.clearTimeout(timer);
      timer = window.setTimeout(rest, SCROLL_REST_MS);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.clearTimeout(timer);
      rest();
    };
  }, []);
}
