/** The two routes and how each one starts the lab. */
import type { LabOptions } from '../store/index.ts';

export type Route = 'lab' | 'embed';

/** `/embed` (with or without a trailing slash) is the embed; everything else is the full lab. */
export function routeFromPath(pathname: string): Route {
  return /^\/embed\/?$/.test(pathname) ? 'embed' : 'lab';
}

/** A light background workload, so the very first frame already shows writes flowing. */
const LIGHT_WORKLOAD = { writesPerSec: 3, readsPerSec: 2, keys: 10, readRouting: 'replicas' } as const;

/**
 * A network slow enough to watch: at 150 ms (±30) one way, each entry and acknowledgement is on
 * screen long enough to follow, and replication lag is visible without looking for it.
 */
const WATCHABLE_NETWORK = { latencyMs: 150, jitterMs: 30 } as const;

/** The full lab plays at once; an embed waits for its reader to press Play (WCAG 2.2.2). */
export function labOptionsFor(route: Route): LabOptions {
  return {
    preset: 'master-slave',
    playing: route === 'lab',
    workload: LIGHT_WORKLOAD,
    network: WATCHABLE_NETWORK,
  };
}
