/**
 * The small tier's timeline toggle, in the graph's footer beside the legend's: it lays the timeline over the
 * bottom of the graph. A dot on it, and its name, say when the lab shows the past, which a phone with the
 * timeline closed could not otherwise tell.
 */
import type { Ref } from 'react';
import { useLabStore } from '../../store/index.ts';
import { TIMELINE_ID } from './Timeline.tsx';

export interface TimelineToggleProps {
  readonly shown: boolean;
  readonly onToggle: () => void;
  /** Where the focus returns when Escape closes the timeline. */
  readonly ref: Ref<HTMLButtonElement>;
}

export function TimelineToggle({ shown, onToggle, ref }: TimelineToggleProps) {
  const live = useLabStore((s) => s.timeline.live);
  return (
    <button
      type="button"
      ref={ref}
      className="timeline-toggle"
      aria-expanded={shown}
      aria-controls={shown ? TIMELINE_ID : undefined}
      title={
        shown
          ? 'Hide the timeline (Esc)'
          : live
            ? 'Show the timeline over the graph, to go back in time'
            : 'The lab shows the past: show the timeline (Live returns to the present)'
      }
      onClick={onToggle}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !shown) return;
        event.preventDefault();
        onToggle();
      }}
    >
      <span className="control-icon control-icon--timeline" aria-hidden="true" />
      {!live && <span className="timeline-toggle-past" aria-hidden="true" />}
      <span className="control-label">{live ? 'Show timeline' : 'Show timeline (viewing the past)'}</span>
    </button>
  );
}
