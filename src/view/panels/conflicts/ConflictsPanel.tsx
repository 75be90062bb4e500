/**
 * The conflicts ledger: each conflict once, newest first, with its versions side by side, how the group
 * settled it and where it was detected. Picking one marks its nodes on the graph; siblings can be resolved;
 * its time shows the lab at the instant it was detected.
 */
import type { ConflictRecord, ConflictVersion } from '../../../engine/index.ts';
import { useLabStore } from '../../../store/index.ts';
import { useWords } from '../../vocabulary.ts';
import { CollapsiblePanel } from '../CollapsiblePanel.tsx';
import { formatSimTime } from '../../simTime.ts';
import { OpButton } from '../ledgers/OpButton.tsx';
import { SeekTime } from '../SeekTime.tsx';
import {
  emptyLedgerText,
  originsText,
  outcomeText,
  STRATEGY_NAMES,
  strategyHint,
  vectorText,
  versionFate,
} from './conflictText.ts';
import { ResolveSiblings } from './ResolveSiblings.tsx';
import './conflicts.css';

/** The rows of a conflict's versions table: label, cell text, and whether the cell carries the fate. */
const VERSION_ROWS: readonly (readonly [
  string,
  (record: ConflictRecord, v: ConflictVersion) => string,
  boolean?,
])[] = [
  ['Value', (_, v) => v.value],
  ['Origin', (_, v) => v.origin],
  ['Origin time', (_, v) => formatSimTime(v.originTime)],
  ['Version vector', (_, v) => vectorText(v.vv)],
  ['Outcome', versionFate, true],
];

/** Enough to read; more would make every ledger change a long render. */
const SHOWN = 50;

function ConflictEntry({ record }: { readonly record: ConflictRecord }) {
  const picked = useLabStore((s) => s.selectedConflictId === record.id);
  const selectConflict = useLabStore((s) => s.selectConflict);
  const open = record.strategy === 'siblings' && record.resolvedAt === null;
  return (
    <li
      className={`conflict${picked ? ' conflict--picked' : ''}`}
      data-conflict-id={record.id}
      data-strategy={record.strategy}
      data-resolved={record.strategy === 'siblings' ? String(record.resolvedAt !== null) : undefined}
    >
      <div className="conflict-head">
        <button
          type="button"
          className="chip"
          aria-pressed={picked}
          aria-label={`Show conflict #${record.id} on ${record.key} on the graph`}
          onClick={() => {
            selectConflict(picked ? null : record.id);
          }}
        >
          #{record.id}
        </button>
        <span className="conflict-key">{record.key}</span>
        <span className={`tag${open ? ' tag--warn' : ''}`}>
          {open ? 'siblings, unresolved' : STRATEGY_NAMES[record.strategy]}
        </span>
      </div>
      <p className="conflict-where">
        {originsText(record)} at <SeekTime at={record.at} />; detected on {record.detectedOn.join(', ')}
      </p>
      <table className="node-data conflict-versions">
        <caption className="visually-hidden">
          Versions in conflict #{record.id} on {record.key}
        </caption>
        <thead>
          <tr>
            <th scope="row">Write</th>
            {record.versions.map((v) => (
              <th key={v.opId} scope="col">
                <OpButton op={{ id: v.opId, kind: 'write' }} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {VERSION_ROWS.map(([label, cell, fate]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {record.versions.map((v) => (
                <td
                  key={v.opId}
                  className={label === 'Value' ? 'conflict-value' : undefined}
                  data-fate={fate === true ? versionFate(record, v) : undefined}
                >
                  {cell(record, v)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="conflict-outcome">{outcomeText(record)}</p>
      {open && <ResolveSiblings record={record} />}
    </li>
  );
}

export function ConflictsPanel() {
  const conflicts = useLabStore((s) => s.conflicts);
  const total = useLabStore((s) => s.snapshot.metrics.conflicts);
  const mode = useLabStore((s) => s.snapshot.replication.mode);
  const resolution = useLabStore((s) => s.snapshot.replication.conflictResolution);
  const primaries = useLabStore((s) =>
    s.snapshot.nodes
      .filter((n) => n.role === 'primary' && n.peers.length > 0)
      .map((n) => n.id)
      .join(' '),
  );
  const words = useWords();
  const shown = conflicts.slice(-SHOWN).reverse();
  const unresolved = conflicts.filter((c) => c.strategy === 'siblings' && c.resolvedAt === null).length;
  return (
    <CollapsiblePanel
      id="conflicts"
      className="conflicts-panel"
      title={`Conflicts (${total})`}
      {...(unresolved > 0 ? { summary: `${unresolved} unresolved` } : {})}
    >
      <p className="hint">{strategyHint(mode, resolution, words)}</p>
      {conflicts.length === 0 ? (
        <p className="conflicts-empty">
          {emptyLedgerText(primaries === '' ? [] : primaries.split(' '), words)}
        </p>
      ) : (
        <ol className="conflict-list" aria-label="Conflicts, newest first">
          {shown.map((record) => (
            <ConflictEntry key={record.id} record={record} />
          ))}
        </ol>
      )}
      {shown.length < total && (
        <p className="hint">
          The {shown.length} most recent of {total} are listed.
        </p>
      )}
    </CollapsiblePanel>
  );
}
