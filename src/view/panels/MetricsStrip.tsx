/** The headline numbers, each with its unit: throughput, anomalies and write latency. */
import { useLabStore } from '../../store/index.ts';
import { metricItems } from './metricItems.ts';

export function MetricsStrip() {
  const m = useLabStore((s) => s.snapshot.metrics);
  const manager = useLabStore((s) => s.snapshot.failover);
  const simTime = useLabStore((s) => s.simTime);
  const items = metricItems(m, manager, simTime);
  return (
    <dl className="metrics" aria-label="Metrics">
      {items.map(({ label, value, alert = false, metric, title, exact }) => (
        <div key={label} className={alert ? 'metric metric--alert' : 'metric'} title={title}>
          <dt>{label}</dt>
          <dd data-metric={metric} data-value={exact}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
