/** Whether the user asked for reduced motion: moving things then change in discrete steps instead. */
import { useMediaQuery } from './mediaQuery.ts';

export function usePrefersReducedMotion(): boolean {
  return useMediaQuery('(prefers-reduced-motion: reduce)');
}
