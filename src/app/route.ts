/** The two routes and how each one starts the lab. */
import type { LabOptions } from '../store/index.ts';
import type { ViewOptions } from './share/viewOptions.ts';

export type Route = 'lab' | 'embed';

/**
 * The path the lab is served under (Vite's `base`: `/` by default, `BASE=/docs/lab/ npm run build` for a
 * docs site's sub-path), always ending in `/`.
 */
export const LAB_BASE: string = import.meta.env.BASE_URL;

/** `embed` under the lab's base (with or without a trailing slash) is the embed; everything else is the full lab. */
export function routeFromPath(pathname: string, base = LAB_BASE): Route {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '');
  return /^embed\/?$/.test(rest) ? 'embed' : 'lab';
}

/** The URL of the full lab (`/`) or the embed (`/embed`) at `origin`, under the lab's base. */
export function labUrl(origin: string, path: '/' | '/embed', base = LAB_BASE): string {
  // `embed/`, a directory: every static host serves its index.html without a redirect.
  return `${origin}${base}${path === '/embed' ? 'embed/' : ''}`;
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
