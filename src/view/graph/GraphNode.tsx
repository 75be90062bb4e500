/** One database node: a shape per role, a cross when down, and labels for role, LSN and lag. */
import type { KeyboardEvent } from 'react';
import type { NodeView } from '../../engine/index.ts';
import { roleWord, type Vocabulary } from '../vocabulary.ts';
import { PRIMARY_HALF, REPLICA_RADIUS } from './geometry.ts';
import type { Point } from './layout.ts';
import { ARROW_KEYS, type Direction } from './navigation.ts';
import { lagEntries, lagMs, nodeAccessibleName, shortId, shownLsn } from './nodeText.ts';

interface Props {
  readonly node: NodeView;
  readonly at: Point;
  readonly selected: boolean;
  readonly vocabulary: Vocabulary;
  readonly onSelect: (nodeId: string) => void;
  /** Arrow keys move focus to the nearest node in that direction. */
  readonly onNavigate: (nodeId: string, direction: Direction) => void;
}

const LABEL_X = PRIMARY_HALF + 10;
const CROSS = 15;

export function GraphNode({ node, at, selected, vocabulary, onSelect, onNavigate }: Props) {
  const down = node.status === 'down';
  const onKeyDown = (event: KeyboardEvent) => {
    const direction = ARROW_KEYS[event.key];
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(node.id);
    } else if (direction !== undefined) {
      event.preventDefault();
      onNavigate(node.id, direction);
    }
  };
  return (
    <g
      className={`node node--${node.role}${down ? ' node--down' : ''}${selected ? ' node--selected' : ''}`}
      transform={`translate(${at.x},${at.y})`}
      role="button"
      tabIndex={0}
      aria-label={nodeAccessibleName(node, vocabulary)}
      aria-pressed={selected}
      data-node-id={node.id}
      data-role={node.role}
      data-status={node.status}
      data-lag-ms={node.role === 'replica' ? Math.round(node.lag.ms) : undefined}
      onClick={() => {
        onSelect(node.id);
      }}
      onKeyDown={onKeyDown}
    >
      <circle className="node-ring" r={(node.role === 'primary' ? PRIMARY_HALF + 4 : REPLICA_RADIUS) + 6} />
      {node.role === 'primary' ? (
        <rect
          className="node-shape"
          x={-PRIMARY_HALF}
          y={-PRIMARY_HALF}
          width={2 * PRIMARY_HALF}
          height={2 * PRIMARY_HALF}
          rx={12}
        />
      ) : (
        <circle className="node-shape" r={REPLICA_RADIUS} />
      )}
      {down && (
        <path
          className="node-cross"
          d={`M${-CROSS},${-CROSS}L${CROSS},${CROSS}M${CROSS},${-CROSS}L${-CROSS},${CROSS}`}
        />
      )}
      <text className="node-id" dy="0.35em">
        {shortId(node.id)}
      </text>
      <text className="node-label node-label--role" x={LABEL_X} y={-17}>
        {roleWord(vocabulary, node.role)}
        {down ? ' · down' : ''}
      </text>
      <text className="node-label" x={LABEL_X} y={-2}>
        LSN {shownLsn(node)}
      </text>
      {node.role === 'replica' && (
        <>
          <text className="node-label node-label--lag" x={LABEL_X} y={13}>
            lag {lagMs(node)}
          </text>
          <text className="node-label node-label--muted" x={LABEL_X} y={28}>
            {lagEntries(node)} behind
          </text>
        </>
      )}
    </g>
  );
}
