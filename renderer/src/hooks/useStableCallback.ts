// A callback with one identity for the life of a component, so memoised children that take it
// do not render again when the parent passes a new function each time.
import { useCallback, useLayoutEffect, useRef } from 'react';

/** A callback that keeps one identity while always calling the latest `callback` (so memoised rows stay put). */
export function useStableCallback<A extends unknown[]>(callback: (...args: A) => void): (...args: A) => void {
  const latest = useRef(callback);
  useLayoutEffect(() => {
    latest.current = callback;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
