/** In-flight messages as SVG glyphs: React renders the set, a store subscription moves them each frame. */
import { useLayoutEffect, useRef } from 'react';
import { useLabStore, useLabStoreApi, type LabState } from '../../store/index.ts';
import { placeMessage } from './geometry.ts';
import type { Point } from './layout.ts';
import { MessageGlyph } from './MessageGlyph.tsx';

/** Above this many messages in flight, the canvas layer draws them instead (SVG gets slow). */
export const CANVAS_THRESHOLD = 300;

interface Props {
  readonly position: (id: string) => Point | undefined;
  readonly radius: (id: string) => number;
}

export function MessageLayer({ position, radius }: Props) {
  const store = useLabStoreApi();
  const messages = useLabStore((s) => s.snapshot.messages);
  /** The message the space-time diagram names: ringed while it is in flight. */
  const highlighted = useLabStore((s) => s.highlightedMessage);
  const elements = useRef(new Map<number, SVGGElement>());

  // Positions come only from simulated time, so pause, speed and step need no special cases.
  useLayoutEffect(() => {
    const place = (state: LabState) => {
      for (const message of state.snapshot.messages) {
        const element = elements.current.get(message.id);
        if (element === undefined) continue;
        const at = placeMessage(message, state.simTime, position, radius);
        if (at === null) element.setAttribute('visibility', 'hidden');
        else element.setAttribute('transform', `translate(${at.x.toFixed(1)},${at.y.toFixed(1)})`);
      }
    };
    place(store.getState());
    return store.subscribe(place);
  }, [store, messages, position, radius]);

  if (messages.length > CANVAS_THRESHOLD) return null;
  return (
    <g className="messages" aria-hidden="true">
      {messages.map((m) => (
        <g
          key={m.id}
          className="msg-glyph"
          data-kind={m.kind}
          data-message-id={m.id}
          data-highlighted={m.id === highlighted ? 'true' : undefined}
          ref={(element) => {
            if (element === null) return undefined;
            elements.current.set(m.id, element);
            return () => {
              elements.current.delete(m.id);
            };
          }}
        >
          {m.id === highlighted && <circle className="msg-ring" r={13} />}
          <MessageGlyph kind={m.kind} size={m.size} />
        </g>
      ))}
    </g>
  );
}
