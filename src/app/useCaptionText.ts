/**
 * The caption's words, loaded beside the first frame rather than in it: `captions.ts` is 1.9 kB gzip of
 * the initial bundle's 150 kB. Its import starts when the app's code runs, so it is there moments after;
 * until then the caption holds its line with a no-break space.
 */
import { useEffect, useState } from 'react';

type Captions = typeof import('./captions.ts');

let captions: Captions | null = null;
const loading = import('./captions.ts').then((module) => (captions = module));

/** `captionFor`, once its module is here (null before). */
export function useCaptionFor(): Captions['captionFor'] | null {
  const [loaded, setLoaded] = useState(captions !== null);
  useEffect(() => {
    // Also when the module arrived between the render and this effect: the render still needs redoing.
    if (loaded) return;
    let live = true;
    void loading.then(() => {
      if (live) setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [loaded]);
  return captions?.captionFor ?? null;
}
