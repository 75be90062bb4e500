/** The key/value pairs a read on this node would return, with the keys that differ from its primary's. */
import type { NodeView } from '../../engine/index.ts';
import { useWords } from '../vocabulary.ts';
import { dataRows } from './inspectorText.ts';

const show = (value: string | undefined) => (value === undefined ? '(missing)' : value);

export function NodeData({ node, reference }: { readonly node: NodeView; readonly reference?: NodeView }) {
  const words = useWords();
  const rows = dataRows(node, reference);
  const differing = rows.filter((r) => r.differs).length;
  return (
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
            <tr
              key={row.key}
              className={row.differs ? 'differs' : undefined}
              data-differs={row.differs || undefined}
            >
              <th scope="row">{row.key}</th>
              <td>
                {row.siblings === undefined ? (
                  show(row.value)
                ) : (
                  <>
                    {row.siblings.join(' | ')} <span className="tag">siblings</span>
                  </>
                )}
              </td>
              {reference !== undefined && (
                <td>
                  {row.differs && (
                    <>
                      <span className="tag tag--warn">≠</span> {show(row.primaryValue)}
                    </>
                  )}
                </td>
              )}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
