/** What the graph's shapes, lines and glyphs mean; every distinction is shape or pattern, not colour alone. */
import type { ReactNode } from 'react';
import { useLabStore } from '../../store/index.ts';
import { VOCABULARIES } from '../vocabulary.ts';
import { MessageGlyph } from './MessageGlyph.tsx';
import { REACH_GLYPH, REACH_WORDS } from './nodeText.ts';

function Swatch({ children, width = 22 }: { readonly children: ReactNode; readonly width?: number }) {
  return (
    <svg
      className="legend-swatch"
      width={width}
      height={18}
      viewBox={`${-width / 2} -9 ${width} 18`}
      aria-hidden="true"
    >
      {children}
    </svg>
  );
}

export function Legend() {
  const words = VOCABULARIES[useLabStore((s) => s.vocabulary)];
  const multiPrimary = useLabStore((s) => s.snapshot.replication.multiPrimary);
  // A sync group certifies each write: its members send certification requests.
  const certifying = useLabStore(
    (s) => s.snapshot.replication.multiPrimary && s.snapshot.replication.mode === 'sync',
  );
  const followed = useLabStore((s) => (s.opReach === null ? null : s.selectedOpId));
  const anyLost = useLabStore((s) => s.snapshot.metrics.lostWrites > 0);
  return (
    <ul className="legend" aria-label="Legend">
      <li>
        <Swatch>
          <rect className="node-shape node-shape--primary" x={-7} y={-7} width={14} height={14} rx={3} />
        </Swatch>
        {words.primary}
      </li>
      <li>
        <Swatch>
          <circle className="node-shape node-shape--replica" r={7} />
        </Swatch>
        {words.replica}
      </li>
      <li>
        <Swatch>
          <circle className="node-shape node-shape--down" r={7} />
          <path className="node-cross" d="M-5,-5L5,5M5,-5L-5,5" />
        </Swatch>
        down
      </li>
      <li>
        <Swatch width={30}>
          <line className="edge edge--async" x1={-14} x2={14} y1={0} y2={0} />
        </Swatch>
        async link
      </li>
      <li>
        <Swatch width={30}>
          <line className="edge edge--sync" x1={-14} x2={14} y1={0} y2={0} />
        </Swatch>
        sync link
      </li>
      <li>
        <Swatch>
          <MessageGlyph kind="entries" size={1} />
        </Swatch>
        entries
      </li>
      <li>
        <Swatch>
          <MessageGlyph kind="ack" size={1} />
        </Swatch>
        ack
      </li>
      <li>
        <Swatch>
          <MessageGlyph kind="hello" size={1} />
        </Swatch>
        hello
      </li>
      {certifying && (
        <li>
          <Swatch>
            <MessageGlyph kind="certify" size={1} />
          </Swatch>
          certification request
        </li>
      )}
      <li>
        <Swatch>
          <MessageGlyph kind="snapshot" size={1} />
        </Swatch>
        snapshot
      </li>
      {multiPrimary && (
        <li>
          <Swatch width={28}>
            <g className="node-conflict-badge legend-badge">
              <rect x={-13} y={-8} width={26} height={16} rx={8} />
              <text dy="0.35em">≠ n</text>
            </g>
          </Swatch>
          conflicts
        </li>
      )}
      {anyLost && (
        <li>
          <Swatch width={44}>
            <g className="node-lost-badge legend-badge legend-badge--lost">
              <rect x={-21} y={-8} width={42} height={16} rx={8} />
              <text dy="0.35em">n lost</text>
            </g>
          </Swatch>
          acknowledged, then lost here
        </li>
      )}
      {followed !== null && (
        <li className="legend-reach">
          write #{followed}:
          {(['applied', 'received', 'missing'] as const).map((state) => (
            <span key={state}>
              <Swatch>
                <g className={`node-reach node-reach--${state}`}>
                  <circle r={8} />
                  <text dy="0.35em">{REACH_GLYPH[state]}</text>
                </g>
              </Swatch>
              {REACH_WORDS[state]}
            </span>
          ))}
        </li>
      )}
    </ul>
  );
}
