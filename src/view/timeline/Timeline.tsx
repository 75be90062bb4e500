/**
 * The timeline under the graph: the run from its start to its furthest instant, a cursor at the instant
 * shown, markers for the moments that teach, and (once the user has acted in the past) the branches.
 * Click or drag to show an instant; with focus on it, ← / → step between events, Shift+← / Shift+→
 * between markers, Home / End go to the start and back to live. Shown on request (the small tier's
 * `TimelineToggle`), it takes the focus as it appears and Escape closes it.
 */
import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent,
  type Ref,
} from 'react';
import {
  formatSeconds,
  markerLabel,
  timelineEnd,
  useLabActions,
  useLabStore,
  type LabActions,
  type TimelineView,
} from '../../store/index.ts';
import { useElementSize } from '../graph/useElementSize.ts';
import { translateRoles, useWords, type Vocabulary } from '../vocabulary.ts';
import { MARKER_GLYPHS, bucketMs, clusterMarkers, type MarkerCluster } from './markerClusters.ts';
import './timeline.css';

/** The timeline's element (a toggle shows it over the graph in the small tier). */
export const TIMELINE_ID = 'lab-timeline';

/** Marks shown in a cluster's tooltip before "and N more". */
const TOOLTIP_LINES = 8;

function clusterName(cluster: MarkerCluster, words: Vocabulary): string {
  const [first] = cluster.markers;
  if (cluster.markers.length === 1 && first !== undefined) return translateRoles(markerLabel(first), words);
  const last = cluster.markers.at(-1) ?? first;
  const lines = cluster.markers.slice(0, TOOLTIP_LINES).map((m) => translateRoles(markerLabel(m), words));
  const more = cluster.markers.length - lines.length;
  return `${cluster.markers.length} markers, ${formatSeconds(cluster.at)} to ${formatSeconds(last?.at ?? cluster.at)}: ${lines.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

/** The marks, placed by CSS from the timeline's span, so a growing run re-renders only the container. */
const MarkerLayer = memo(function MarkerLayer({
  clusters,
  start,
  onSeek,
  onGrab,
  words,
}: {
  readonly clusters: readonly MarkerCluster[];
  readonly start: number;
  readonly onSeek: (t: number) => void;
  /** A pointer pressed on a mark: a click shows its instant, a drag from it scrubs (the rail takes it). */
  readonly onGrab: (event: PointerEvent<HTMLButtonElement>, at: number) => void;
  readonly words: Vocabulary;
}) {
  return (
    <div className="timeline-markers" role="group" aria-label="Markers">
      {clusters.map((cluster) => {
        const name = clusterName(cluster, words);
        return (
          <button
            key={`${cluster.at}-${cluster.markers[0]?.seq ?? 0}`}
            type="button"
            tabIndex={-1}
            className={`timeline-marker timeline-marker--${cluster.kind}`}
            data-marker-kind={cluster.kind}
            data-time={cluster.at}
            data-count={cluster.markers.length}
            aria-label={name}
            title={name}
            style={{ '--at': cluster.at - start } as CSSProperties}
            onPointerDown={(event) => {
              onGrab(event, cluster.at);
            }}
            onClick={(event) => {
              // A pointer's click was handled on the rail; this is the keyboard's or a screen reader's.
              if (event.detail === 0) onSeek(cluster.at);
            }}
          >
            <span aria-hidden="true">{MARKER_GLYPHS[cluster.kind]}</span>
            {cluster.markers.length > 1 && (
              <span className="timeline-marker-count" aria-hidden="true">
                {cluster.markers.length}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
});

/** The time under a pointer at `clientX` on `track`, within [start, end]. */
function timeAt(track: HTMLElement, clientX: number, start: number, end: number): number {
  const rect = track.getBoundingClientRect();
  const fraction = rect.width > 0 ? (clientX - rect.left) / rect.width : 1;
  return Math.min(end, Math.max(start, start + Math.min(1, Math.max(0, fraction)) * (end - start)));
}

/**
 * Dragging previews once per frame at most, at the latest position (a seek can take a frame's time; a
 * preview may show the checkpoint just before it); `exact` cancels what is pending and lands on the instant.
 */
function useScrub(seek: LabActions['seek']) {
  const pending = useRef<number | null>(null);
  const frame = useRef<number | null>(null);
  const cancel = () => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    frame.current = null;
    pending.current = null;
  };
  useEffect(() => cancel, []);
  return {
    preview: (t: number) => {
      pending.current = t;
      frame.current ??= requestAnimationFrame(() => {
        frame.current = null;
        const at = pending.current;
        pending.current = null;
        if (at !== null) seek(at, { preview: true });
      });
    },
    exact: (t: number) => {
      cancel();
      seek(t);
    },
  };
}

/** The keys a focused timeline takes. True when the key was one of them. */
function onTimelineKey(event: KeyboardEvent, actions: LabActions, start: number): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey) return false;
  switch (event.key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      if (event.shiftKey) actions.seekMarker(-1);
      else actions.stepBack();
      return true;
    case 'ArrowRight':
    case 'ArrowUp':
      if (event.shiftKey) actions.seekMarker(1);
      else actions.stepToNextEvent();
      return true;
    case 'Home':
      actions.seek(start);
      return true;
    case 'End':
      actions.goLive();
      return true;
    default:
      return false;
  }
}

function BranchChooser({ timeline }: { readonly timeline: TimelineView }) {
  const actions = useLabActions();
  if (timeline.branches.length < 2) return null;
  return (
    <select
      className="timeline-branch"
      aria-label="Branch"
      title="Switch between the futures of this run"
      value={timeline.branch}
      onChange={(e) => {
        actions.switchBranch(e.target.value);
      }}
    >
      {timeline.branches.map((b) => (
        <option key={b.id} value={b.id}>
          {b.label}
        </option>
      ))}
    </select>
  );
}

interface TimelineProps {
  /** The timeline's root, for a caller that measures it (the small tier's overlay). */
  readonly ref?: Ref<HTMLDivElement> | undefined;
  /** Shown on request: the slider takes the focus when the timeline appears. */
  readonly focusOnMount?: boolean | undefined;
  /** Shown on request: Escape inside the timeline closes it (the caller gives the focus back). */
  readonly onClose?: (() => void) | undefined;
}

export function Timeline({ ref, focusOnMount = false, onClose }: TimelineProps) {
  const actions = useLabActions();
  const timeline = useLabStore((s) => s.timeline);
  const simTime = useLabStore((s) => s.simTime);
  const end = useLabStore(timelineEnd);
  const words = useWords();
  const track = useRef<HTMLDivElement>(null);
  const lane = useRef<HTMLDivElement>(null);
  const width = useElementSize(lane)?.width ?? 0;
  const { start, live } = timeline;
  const span = Math.max(end - start, 1);
  const bucket = bucketMs(span, width);
  const clusters = useMemo(() => clusterMarkers(timeline.markers, bucket), [timeline.markers, bucket]);
  const scrub = useScrub(actions.seek);
  /** The run's span when the drag began (a preview may move the cursor; the scale holds still). */
  const dragging = useRef<{ readonly start: number; readonly end: number } | null>(null);
  const branch = timeline.branches.find((b) => b.id === timeline.branch);
  const forkedAt = branch?.forkedAt ?? null;

  /** Where a press on a mark began, until the pointer moves off it: then it is a drag. */
  const grabbed = useRef<{ readonly x: number; readonly at: number } | null>(null);
  // Stable, so the memoized marks do not re-render with every tick of a live run.
  const latest = useRef({ start, end, scrub });
  useEffect(() => {
    latest.current = { start, end, scrub };
  });
  const onGrab = useCallback((event: PointerEvent<HTMLButtonElement>, at: number) => {
    if (event.button !== 0 || track.current === null) return;
    dragging.current = { start: latest.current.start, end: latest.current.end };
    grabbed.current = { x: event.clientX, at };
    track.current.setPointerCapture(event.pointerId);
    latest.current.scrub.preview(at);
  }, []);
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || track.current === null) return;
    dragging.current = { start, end };
    event.currentTarget.setPointerCapture(event.pointerId);
    scrub.preview(timeAt(track.current, event.clientX, start, end));
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (dragging.current === null || track.current === null) return;
    if (grabbed.current !== null && Math.abs(event.clientX - grabbed.current.x) < 4) return;
    grabbed.current = null;
    scrub.preview(timeAt(track.current, event.clientX, dragging.current.start, dragging.current.end));
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    const span = dragging.current;
    const mark = grabbed.current;
    dragging.current = null;
    grabbed.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
    if (span === null || track.current === null || event.type !== 'pointerup') return;
    scrub.exact(mark?.at ?? timeAt(track.current, event.clientX, span.start, span.end));
  };

  // Only as it appears: a window resized into the small tier with the timeline already shown keeps its focus.
  const focusFirst = useRef(focusOnMount);
  useEffect(() => {
    if (focusFirst.current) track.current?.focus();
  }, []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented || onClose === undefined) return;
    event.preventDefault();
    onClose();
  };

  const position = (t: number) => `${(Math.min(Math.max(t - start, 0), span) / span) * 100}%`;
  return (
    <div
      ref={ref}
      id={TIMELINE_ID}
      className={`timeline${live ? '' : ' timeline--past'}`}
      aria-label="Time travel"
      role="group"
      onKeyDown={onKeyDown}
    >
      <div className="timeline-lane" ref={lane} style={{ '--span': span } as CSSProperties}>
        <MarkerLayer clusters={clusters} start={start} onSeek={actions.seek} onGrab={onGrab} words={words} />
        <div
          ref={track}
          className="timeline-track"
          role="slider"
          tabIndex={0}
          aria-label="Timeline"
          aria-valuemin={start}
          aria-valuemax={end}
          aria-valuenow={simTime}
          aria-valuetext={
            live ? `${formatSeconds(simTime)}, live` : `${formatSeconds(simTime)} of ${formatSeconds(end)}`
          }
          aria-keyshortcuts="ArrowLeft ArrowRight Shift+ArrowLeft Shift+ArrowRight Home End"
          title="Click or drag to show an instant; ← → events, Shift+← → markers, Home, End"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
          onKeyDown={(event) => {
            if (onTimelineKey(event, actions, start)) event.preventDefault();
          }}
        >
          <div className="timeline-rail" aria-hidden="true">
            <div className="timeline-fill" style={{ width: position(simTime) }} />
            {forkedAt !== null && (
              <div
                className="timeline-fork"
                style={{ left: position(forkedAt) }}
                title={`${branch?.label ?? ''}: branched at ${formatSeconds(forkedAt)}`}
              />
            )}
            <div className="timeline-cursor" style={{ left: position(simTime) }} />
          </div>
        </div>
      </div>
      <div className="timeline-info">
        <span className="timeline-readout" aria-live="off">
          {live ? (
            <>
              {/* The time is on the slider and in the metrics: text that changes every tick costs a layout. */}
              <span className="timeline-live-dot" aria-hidden="true" /> Live
            </>
          ) : (
            <>
              <span className="timeline-viewing">Viewing </span>
              {formatSeconds(simTime)} of {formatSeconds(end)}
            </>
          )}
        </span>
        <button
          type="button"
          className="timeline-live"
          disabled={live}
          title="Back to the present (End)"
          onClick={actions.goLive}
        >
          Live <span aria-hidden="true">▸</span>
        </button>
        <BranchChooser timeline={timeline} />
      </div>
    </div>
  );
}
