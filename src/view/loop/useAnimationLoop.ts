/** Runs the animation loop for as long as the component using it is mounted. */
import { useEffect } from 'react';
import { useLabStoreApi } from '../../store/index.ts';
import { startAnimationLoop } from './animationLoop.ts';

export function useAnimationLoop(): void {
  const store = useLabStoreApi();
  useEffect(() => startAnimationLoop(store), [store]);
}
