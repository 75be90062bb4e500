/**
 * Dense markers cluster rather than overlap: markers in one time bucket (about MIN_GAP_PX wide at the
 * timeline's scale) become one mark. Buckets are a power of two of ms, so while the run grows the
 * clusters change only when the scale halves, not on every frame.
 */
import type { Marker, MarkerKind } from '../../store/index.ts';

/** The closest two marks may sit, in px. */
export const MIN_GAP_PX = 14;

export interface MarkerCluster {
  /** The first marker's instant: where the mark sits and what a click shows. */
  readonly at: number;
  /** The most telling kind among them (the mark's glyph and `data-marker-kind`). */
  readonly kind: MarkerKind;
  readonly markers: readonly Marker[];
}

/** Which kind a cluster shows, most telling first: what went wrong before what was done about it. */
const PRIORITY: readonly MarkerKind[] = [
  'lost-write',
  'split-brain',
  'conflict',
  'kill',
  'failover',
  'partition',
  'read-only',
  'heal',
  'writable',
  'restart',
  'setting',
];

/** The bucket width in ms for a timeline `widthPx` wide spanning `spanMs`: a power of two. */
export function bucketMs(spanMs: number, widthPx: number): number {
  if (!(spanMs > 0) || !(widthPx > 0)) return 1;
  const raw = (spanMs / widthPx) * MIN_GAP_PX;
  return 2 ** Math.ceil(Math.log2(Math.max(raw, 1)));
}

/** Groups `markers` (oldest first) into clusters: a new one starts a bucket's width after the last began. */
export function clusterMarkers(markers: readonly Marker[], bucket: number): readonly MarkerCluster[] {
  const clusters: MarkerCluster[] = [];
  let open: { at: number; markers: Marker[] } | undefined;
  const close = () => {
    if (open === undefined) return;
    const kinds = new Set(open.markers.map((m) => m.kind));
    const kind = PRIORITY.find((k) => kinds.has(k)) ?? open.markers[0]?.kind ?? 'setting';
    clusters.push({ at: open.at, kind, markers: open.markers });
  };
  for (const marker of markers) {
    if (open !== undefined && marker.at - open.at < bucket) open.markers.push(marker);
    else {
      close();
      open = { at: marker.at, markers: [marker] };
    }
  }
  close();
  return clusters;
}

/** The glyph of each kind: shapes as well as colours tell them apart. */
export const MARKER_GLYPHS: Readonly<Record<MarkerKind, string>> = {
  kill: '✕',
  restart: '↻',
  failover: '▲',
  'lost-write': '!',
  conflict: '⇄',
  'split-brain': '⑂',
  partition: '⫶',
  heal: '∪',
  'read-only': '⊘',
  writable: '✎',
  setting: '⚙',
};
