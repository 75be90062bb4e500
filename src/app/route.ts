/** The two routes and how each one starts the lab. */
import type { LabOptions } from '../store/index.ts';
import type { ViewOptions } from './share/viewOptions.ts';

export type Route = 'lab' | 'embed';

/**
 * `embed` under the lab's base (`LAB_BASE`, labBase.ts; with or without a trailing slash) is the embed;
 * everything else is the full lab.
 */
export function routeFromPath(pathname: string, base = '/'): Route {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '');
  return /^embed\/?$/.test(rest) ? 'embed' : 'lab';
}

/** A light background workload, so the very first frame already shows writes flowing. */
const LIGHT_WORKLOAD = { writesPerSec: 3, readsPerSec: 2, keys: 10, readRouting: 'replicas' } as const;

/**
 * A network slow enough to watch: at 150 ms (±30) one way, each entry and acknowledgement is on
 * screen long enough to follow, and replication lag is visible without looking for it.
 */
const WATCHABLE_NETWORK = { latencyMs: 150, jitterMs: 30 } as const;

/**
 * The full lab plays at once; an embed waits for its reader to press Play (WCAG 2.2.2), and so
 * does a shared run, which opens on the moment it was shared. `?autoplay=` overrides both.
 */
export function labOptionsFor(route: Route, view?: Partial<ViewOptions>, sharedRun = false): LabOptions {
  return {
    preset: view?.preset ?? 'master-slave',
    playing: view?.autoplay ?? (route === 'lab' && !sharedRun),
    workload: LIGHT_WORKLOAD,
    network: WATCHABLE_NETWORK,
    ...(view?.speed === undefined ? {} : { speed: view.speed }),
    ...(view?.theme === undefined ? {} : { theme: view.theme }),
    ...(view?.terms === undefined ? {} : { vocabulary: view.terms }),
    ...(view?.present === true ? { presenting: true } : {}),
  };
}
