/** The headline numbers, each with its unit: throughput, anomalies and write latency. */
import { useLabStore } from '../../store/index.ts';
import { formatSimTime } from './eventText.ts';

export function MetricsStrip() {
  const m = useLabStore((s) => s.snapshot.metrics);
  const simTime = useLabStore((s) => s.simTime);
  const items: [string, string, boolean][] = [
    ['Sim time', formatSimTime(simTime), false],
    ['Writes', String(m.writes), false],
    ['Reads', String(m.reads), false],
    ['Lost writes', String(m.lostWrites), m.lostWrites > 0],
    ['Stale reads', String(m.staleReads), m.staleReads > 0],
    ['Blocked writes', String(m.blockedWrites), m.blockedWrites > 0],
    ['Write p50', `${Math.round(m.writeLatency.p50)} ms`, false],
    ['Write p99', `${Math.round(m.writeLatency.p99)} ms`, false],
  ];
  return (
    <dl
      className="metrics"
      aria-label="Metrics"
      title="Write p50/p99: acknowledged-write latency percentiles"
    >
      {items.map(([label, value, alert]) => (
        <div key={label} className={alert ? 'metric metric--alert' : 'metric'}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
