import { startTransition, useEffect, useState } from 'react';

/**
 * False until the first render with `shown` true has been put on screen, then true (set in a
 * transition: drawing what was held back never delays typing).
 */
export function useFirstPaintDone(shown = true): boolean {
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (done || !shown) return;
    let cancelled = false;
    const frame = requestAnimationFrame(() => {
      // After the frame's paint: a task queued from requestAnimationFrame runs once the frame is out.
      setTimeout(() => !cancelled && startTransition(() => setDone(true)), 0);
    });
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
    };
  }, [done, shown]);
  return done;
}
