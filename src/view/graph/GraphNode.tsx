/** One database node: a shape per role, a cross when down, and labels for role, LSN and lag. */
import type { KeyboardEvent, SyntheticEvent } from 'react';
import type { NodeView } from '../../engine/index.ts';
import type { NodeConflicts } from '../../store/index.ts';
import { roleWord, type Vocabulary } from '../vocabulary.ts';
import { ConflictBadge, ConflictFlash } from './ConflictMark.tsx';
import { PRIMARY_HALF, REPLICA_RADIUS } from './geometry.ts';
import type { Point } from './layout.ts';
import { ARROW_KEYS, type Direction, type Jump } from './navigation.ts';
import {
  applierWords,
  diskWords,
  lagEntries,
  lagMs,
  nodeAccessibleName,
  shortId,
  shownLsn,
  type FollowedWrite,
} from './nodeText.ts';
import { LostBadge } from './NodeBadge.tsx';
import { ReachMark } from './ReachMark.tsx';

interface Props {
  readonly node: NodeView;
  readonly at: Point;
  readonly selected: boolean;
  /** The graph is one Tab stop: only the node with the roving focus is in the Tab order. */
  readonly tabStop: boolean;
  readonly vocabulary: Vocabulary;
  /** Click, Enter or Space: selects the node and opens its menu beside `element`. */
  readonly onActivate: (nodeId: string, element: Element) => void;
  /** Arrow keys move focus to the nearest node in that direction; Home and End to the first and last. */
  readonly onNavigate: (nodeId: string, to: Direction | Jump) => void;
  readonly onFocus: (nodeId: string) => void;
  /** The conflicts it took part in (multi-primary), if any. */
  readonly conflicts?: NodeConflicts | undefined;
  /** One of the nodes of the conflict picked in the ledger. */
  readonly inPickedConflict?: boolean;
  /** The write being followed, and whether it has arrived here. */
  readonly followed?: FollowedWrite | undefined;
  /** Acknowledged writes it took and later lost in a failover. */
  readonly lost?: number | undefined;
  /** What its log position is called (positionWord.ts): LSN, or MariaDB's GTID seq_no. */
  readonly position?: string;
  /** Being dragged onto another node (to re-point it). */
  readonly dragging?: boolean;
  /** A dragged replica is over this node: whether it may stream from here. */
  readonly dropTarget?: 'accepted' | 'refused' | undefined;
}

/** Labels start right of the node, clear of its selection ring (a primary's ring reaches furthest). */
const LABEL_X = PRIMARY_HALF + 10;
const RING_GAP = 6;
const CROSS = 15;

export function GraphNode({
  node,
  at,
  selected,
  tabStop,
  vocabulary,
  onActivate,
  onNavigate,
  onFocus,
  conflicts,
  followed,
  inPickedConflict = false,
  dragging = false,
  dropTarget,
  lost = 0,
  position = 'LSN',
}: Props) {
  const down = node.status === 'down';
  const ringRadius = (node.role === 'primary' ? PRIMARY_HALF + 4 : REPLICA_RADIUS) + 6;
  const labelX = Math.max(LABEL_X, ringRadius + RING_GAP);
  const activate = (event: SyntheticEvent<SVGGElement>) => {
    onActivate(node.id, event.currentTarget);
  };
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    const to =
      ARROW_KEYS[event.key] ?? (event.key === 'Home' ? 'first' : event.key === 'End' ? 'last' : undefined);
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      activate(event);
    } else if (to !== undefined) {
      event.preventDefault();
      onNavigate(node.id, to);
    }
  };
  return (
    <g
      className={`node node--${node.role}${down ? ' node--down' : ''}${selected ? ' node--selected' : ''}${inPickedConflict ? ' node--conflict-picked' : ''}${dragging ? ' node--dragging' : ''}${dropTarget === undefined ? '' : ` node--drop-${dropTarget}`}`}
      transform={`translate(${at.x},${at.y})`}
      role="button"
      tabIndex={tabStop ? 0 : -1}
      aria-label={nodeAccessibleName(node, vocabulary, conflicts?.count ?? 0, followed, lost, position)}
      aria-pressed={selected}
      aria-haspopup="menu"
      data-node-id={node.id}
      data-role={node.role}
      data-status={node.status}
      data-lag-ms={node.role === 'replica' ? Math.round(node.lag.ms) : undefined}
      data-write-reach={followed?.state}
      data-applier={node.stoppedAppliers.length > 0 ? 'stopped' : undefined}
      onClick={activate}
      onKeyDown={onKeyDown}
      onFocus={() => {
        onFocus(node.id);
      }}
    >
      {conflicts !== undefined && <ConflictFlash conflicts={conflicts} radius={ringRadius} />}
      {inPickedConflict && <circle className="node-conflict-picked" r={ringRadius + 5} />}
      <circle className="node-ring" r={ringRadius} />
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
      {node.label !== undefined && (
        <text className="node-label node-label--name" x={labelX} y={-32}>
          {shortId(node.label, 24)}
        </text>
      )}
      <text className="node-label node-label--role" x={labelX} y={-17}>
        {roleWord(vocabulary, node.role)}
        {down ? ' · down' : ''}
      </text>
      <text className="node-label" x={labelX} y={-2}>
        {position} {shownLsn(node)}
      </text>
      {node.role === 'replica' && (
        <>
          <text className="node-label node-label--lag" x={labelX} y={13}>
            lag {lagMs(node)}
          </text>
          <text className="node-label node-label--muted" x={labelX} y={28}>
            {lagEntries(node)} behind
          </text>
        </>
      )}
      {node.diskFactor > 1 && (
        <text className="node-label node-label--warn" x={labelX} y={node.role === 'replica' ? 43 : 13}>
          {diskWords(node)}
        </text>
      )}
      {node.stoppedAppliers.map((stop, i) => {
        const y = (node.role === 'replica' ? 43 : 13) + (node.diskFactor > 1 ? 15 : 0) + 30 * i;
        // Short beside the node (a peer may sit close); the whole reason is in its name and the inspector.
        return (
          <text key={stop.source} className="node-label node-label--warn" x={labelX} y={y}>
            <title>{applierWords(stop)}</title>
            applier stopped
            <tspan x={labelX} dy={15}>
              {stop.errno} duplicate ‘{shortId(stop.key, 6)}’
            </tspan>
          </text>
        );
      })}
      {followed !== undefined && (
        <ReachMark state={followed.state} radius={node.role === 'primary' ? PRIMARY_HALF : REPLICA_RADIUS} />
      )}
      {lost > 0 && (
        <LostBadge count={lost} radius={node.role === 'primary' ? PRIMARY_HALF : REPLICA_RADIUS} />
      )}
      {conflicts !== undefined && (
        <ConflictBadge
          conflicts={conflicts}
          radius={node.role === 'primary' ? PRIMARY_HALF : REPLICA_RADIUS}
        />
      )}
    </g>
  );
}
