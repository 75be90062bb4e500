/** The key/value pairs a read on this node would return right now. */
import type { NodeView } from '../../engine/index.ts';

const byKey = new Intl.Collator('en', { numeric: true });

export function NodeData({ node }: { readonly node: NodeView }) {
  const rows = Object.entries(node.data).sort(([a], [b]) => byKey.compare(a, b));
  return (
    <table className="node-data" data-testid="node-data">
      <caption>Data on {node.id}</caption>
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={2} className="muted">
              No data yet
            </td>
          </tr>
        ) : (
          rows.map(([key, value]) => (
            <tr key={key}>
              <th scope="row">{key}</th>
              <td>{value}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
