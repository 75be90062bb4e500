/**
 * Where the lab is served: Vite's `base` (`/` by default, `BASE=/docs/lab/ npm run build` for a docs site's
 * sub-path), always ending in `/`. Apart from route.ts, which Node code (tests) imports too: only Vite
 * defines `import.meta.env`.
 */
export const LAB_BASE: string = import.meta.env.BASE_URL;

/** The URL of the full lab (`/`) or the embed (`/embed`) at `origin`, under the lab's base. */
export function labUrl(origin: string, path: '/' | '/embed', base = LAB_BASE): string {
  // `embed/`, a directory: every static host serves its index.html without a redirect.
  return `${origin}${base}${path === '/embed' ? 'embed/' : ''}`;
}
