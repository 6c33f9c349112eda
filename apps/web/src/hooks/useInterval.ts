import { useEffect, useRef } from 'react';

/** Calls `callback` every `ms` while the page is visible (and once more when it becomes visible again). */
export function useVisibleInterval(callback: () => void, ms: number, enabled = true): void {
  const saved = useRef(callback);
  saved.current = callback;
  useEffect(() => {
    if (!enabled) return;
    const tick = () => {
      if (document.visibilityState !== 'hidden') saved.current();
    };
    const id = setInterval(tick, ms);
    const onVisible = () => {
      if (document.visibilityState === 'visible') saved.current();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(id);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [ms, enabled]);
}
