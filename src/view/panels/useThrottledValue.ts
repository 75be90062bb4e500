/** `value`, updated at most every `ms` of wall time (the last value always lands): for panels that need not follow every frame. */
import { useEffect, useRef, useState } from 'react';

export function useThrottledValue<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const lastAt = useRef(0);
  useEffect(() => {
    if (Object.is(value, shown)) return undefined;
    const wait = lastAt.current + ms - performance.now();
    const timer = setTimeout(
      () => {
        lastAt.current = performance.now();
        setShown(value);
      },
      Math.max(0, wait),
    );
    return () => {
      clearTimeout(timer);
    };
  }, [value, shown, ms]);
  return shown;
}
