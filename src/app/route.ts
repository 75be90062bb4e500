/** The two routes and how each one starts the lab. */
import type { LabOptions } from '../store/index.ts';

export type Route = 'lab' | 'embed';

/** `/embed` (with or without a trailing slash) is the embed; everything else is the full lab. */
export function routeFromPath(pathname: string): Route {
  return /^\/embed\/?$/.test(pathname) ? 'embed' : 'lab';
}

/** A light background workload, so the very first frame already shows writes flowing. */
const LIGHT_WORKLOAD = { writesPerSec: 2, readsPerSec: 2, keys: 10, readRouting: 'replicas' } as const;

/** The full lab plays at once; an embed waits for its reader to press Play (WCAG 2.2.2). */
export function labOptionsFor(route: Route): LabOptions {
  return { preset: 'master-slave', playing: route === 'lab', workload: LIGHT_WORKLOAD };
}
