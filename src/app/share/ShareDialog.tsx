/**
 * The Share dialog's place in the lab. Its body (links, embed preview, SVG/PNG export, scenario files,
 * lz-string) is a chunk of its own, fetched when the browser is idle and mounted when first opened.
 */
import { useEffect, type RefObject } from 'react';
import { useLabStore } from '../../store/index.ts';
import { deferred, useShownOnce } from '../../view/deferred.tsx';
import { whenIdle } from '../../view/whenIdle.ts';

const Body = deferred(() => import('./ShareDialogBody.tsx').then((m) => m.ShareDialogBody));

export function ShareDialog({ root }: { readonly root: RefObject<HTMLElement | null> }) {
  const mounted = useShownOnce(useLabStore((s) => s.shareOpen));
  useEffect(() => whenIdle(Body.preload), []);
  return mounted ? <Body.Component root={root} /> : null;
}
