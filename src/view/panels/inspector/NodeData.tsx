/** The key/value pairs a read on this node would return, with the keys that differ from its primary's. */
import { memo } from 'react';
import type { NodeView } from '../../../engine/index.ts';
import { useWords } from '../../vocabulary.ts';
import { dataRows } from '../text/inspectorText.ts';

const show = (value: string | undefined) => (value === undefined ? '(missing)' : value);

interface DataRowProps {
  readonly name: string;
  readonly value: string;
  readonly siblings: boolean;
  readonly differs: boolean;
  /** The reference primary's value; undefined when there is no reference column. */
  readonly primaryValue: string | undefined;
}

/** One key's row: plain props, so the rows whose key did not change skip the panels' paced re-render. */
const DataRowView = memo(function DataRowView({
  name,
  value,
  siblings,
  differs,
  primaryValue,
}: DataRowProps) {
  return (
    <tr className={differs ? 'differs' : undefined} data-differs={differs || undefined}>
      <th scope="row">{name}</th>
      <td>
        {value}
        {siblings && (
          <>
            {' '}
            <span className="tag">siblings</span>
          </>
        )}
      </td>
      {primaryValue !== undefined && (
        <td>
          {differs && (
            <>
              <span className="tag tag--warn">≠</span> {primaryValue}
            </>
          )}
        </td>
      )}
    </tr>
  );
});

export function NodeData({ node, reference }: { readonly node: NodeView; readonly reference?: NodeView }) {
  const words = useWords();
  const rows = dataRows(node, reference);
  const differing = rows.filter((r) => r.differs).length;
  return (
    <div className="table-block">
      <table className="node-data" data-testid="node-data">
        <caption>Data on {node.id}</caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Value</th>
            {reference !== undefined && (
              <th scope="col">
                On {words.primary} {reference.id}
                {differing > 0 ? ` (${differing} differ)` : ''}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={reference === undefined ? 2 : 3} className="muted">
                No data yet
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <DataRowView
                key={row.key}
                name={row.key}
                value={row.siblings === undefined ? show(row.value) : row.siblings.join(' | ')}
                siblings={row.siblings !== undefined}
                differs={row.differs}
                primaryValue={reference === undefined ? undefined : show(row.primaryValue)}
              />
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
