import { useEffect, useState } from 'react';

/**
 * False on the first render, true once the browser is idle after it (or 2 s at the latest): for what the page
 * can do without at first (the header bell's unread count and its polling), so that it neither adds to the
 * work before the page first shows nor sends its requests beside the page's own.
 */
export function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(() => setReady(true), { timeout: 2000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(() => setReady(true), 200);
    return () => window.clearTimeout(id);
  }, []);
  return ready;
}
