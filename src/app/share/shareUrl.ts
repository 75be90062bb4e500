/** Absolute share and embed URLs for a run, and the `<iframe>` snippet a docs page pastes. */
import type { RunRecord } from '../../store/index.ts';
import { labUrl } from '../labBase.ts';
import { runHash } from './linkCodec.ts';
import { viewQuery, type ShareView } from './viewOptions.ts';

/** The full lab (`/`) or the embed (`/embed`) at `origin` (under the lab's base), with view options and the run. */
export function shareUrl(
  origin: string,
  run: RunRecord,
  view: Partial<ShareView> = {},
  path: '/' | '/embed' = '/',
): string {
  return `${labUrl(origin, path)}${viewQuery(view)}${runHash(run)}`;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The iframe snippet: titled, lazy, allowed to go full screen and copy, sized for a docs column. */
export function embedSnippet(url: string, title: string, width = 640, height = 400): string {
  return [
    `<iframe src="${escapeAttribute(url)}"`,
    `  title="${escapeAttribute(title)}"`,
    `  width="${width}" height="${height}" loading="lazy"`,
    `  allow="fullscreen; clipboard-write" style="border:0;max-width:100%"></iframe>`,
  ].join('\n');
}
