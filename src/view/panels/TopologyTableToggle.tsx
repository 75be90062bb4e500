/** The button that shows the topology table (the graph's screen-reader equivalent) in place of the graph. */
import { useLabStore } from '../../store/index.ts';

export function TopologyTableToggle() {
  const shown = useLabStore((s) => s.topologyTableShown);
  const setShown = useLabStore((s) => s.setTopologyTableShown);
  return (
    <button
      type="button"
      className="topology-table-toggle"
      aria-label="Topology table"
      aria-pressed={shown}
      title={shown ? 'Show the graph again' : 'Show the topology as a table'}
      onClick={() => {
        setShown(!shown);
      }}
    >
      Table
    </button>
  );
}
