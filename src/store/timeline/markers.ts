/**
 * The timeline's markers: the moments of a run worth returning to, read from the engine's events. Texts use
 * the engine's words (primary, replica); the view translates them to the chosen vocabulary.
 */
import type { EngineEvent } from '../../engine/index.ts';
import { settingChangesWords } from './settingWords.ts';

/** What a marker stands for: the `data-marker-kind` of its element (a contract). */
export const MARKER_KINDS = [
  'kill',
  'restart',
  'failover',
  'lost-write',
  'conflict',
  'split-brain',
  'partition',
  'heal',
  'read-only',
  'writable',
  'setting',
] as const;

export type MarkerKind = (typeof MARKER_KINDS)[number];

export interface Marker {
  readonly kind: MarkerKind;
  /** Simulated ms. */
  readonly at: number;
  /** What happened, e.g. "db1 killed". */
  readonly text: string;
  /** The engine event's sequence number (orders markers at one instant). */
  readonly seq: number;
  /** The node a kill or a restart concerns (the space-time diagram greys its lane while it is down). */
  readonly nodeId?: string;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The marker an event makes, or null for the events the timeline leaves to the log. */
export function markerOf(event: EngineEvent): Marker | null {
  const make = (kind: MarkerKind, text: string): Marker => ({ kind, at: event.at, text, seq: event.seq });
  switch (event.type) {
    case 'node-down':
      return { ...make('kill', `${event.nodeId} killed`), nodeId: event.nodeId };
    case 'node-up':
      return { ...make('restart', `${event.nodeId} restarted`), nodeId: event.nodeId };
    case 'promoted':
      return make(
        'failover',
        event.previous === undefined
          ? `${event.nodeId} promoted`
          : `${event.nodeId} promoted in place of ${event.previous}`,
      );
    case 'writes-lost':
      return make(
        'lost-write',
        `${plural(event.opIds.length, 'acknowledged write')} lost on ${event.nodeId}`,
      );
    case 'conflict':
      return make('conflict', `conflict on ${event.key} (${event.origins.join(', ')})`);
    case 'split-brain':
      return make('split-brain', `split brain: ${event.nodeIds.join(', ')} all take writes`);
    case 'partitioned':
      return make('partition', `network partitioned: ${event.groups.map((g) => g.join(', ')).join(' | ')}`);
    case 'healed':
      return make('heal', 'network healed');
    case 'read-only':
      return make('read-only', `read-only: ${event.reason}`);
    case 'writable':
      return make('writable', `writable again on ${event.nodeId}`);
    case 'latency-changed':
      return make('setting', `latency ${event.a}–${event.b} set to ${event.ms} ms`);
    case 'configured':
      return make('setting', settingChangesWords(event.changes));
    case 'workload':
      return make('setting', event.running ? 'workload started' : 'workload stopped');
    case 'disk-slowed':
      return make('setting', `${event.nodeId}’s disk ${event.factor}× slower`);
    case 'disk-fixed':
      return make('setting', `${event.nodeId}’s disk back to normal`);
    default:
      return null;
  }
}

/** "12.40 s": simulated ms as the timeline writes them. */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** A marker's accessible name and tooltip: "12.40 s: db1 killed". */
export function markerLabel(marker: Pick<Marker, 'at' | 'text'>): string {
  return `${formatSeconds(marker.at)}: ${marker.text}`;
}

/** Markers kept per branch at most: past it, the oldest go (the timeline clusters dense ones anyway). */
export const MARKERS_KEPT = 5_000;
