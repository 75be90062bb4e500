/** What `run` and `check` print: tables for a person, or JSON for a script (the same facts). */
import type { Anomaly, AnomalyKind, CompareSide, FailoverRecord } from '../engine/index.ts';

export interface Report {
  readonly scenario: Readonly<Record<string, unknown>>;
  readonly options: {
    readonly command: string;
    readonly untilMs: number;
    readonly forbid: readonly AnomalyKind[];
  };
  readonly side: CompareSide;
  readonly anomalies: readonly Anomaly[];
  readonly forbidden: readonly Anomaly[];
}

const seconds = (ms: number | null | undefined): string =>
  ms === null || ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`;
const millis = (ms: number | null): string => (ms === null ? '—' : `${ms.toFixed(1)} ms`);

/** Rows as aligned columns, the first row the header. */
function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) => `  ${r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd())
    .join('\n');
}

function failoverRow(f: FailoverRecord): string[] {
  return [
    seconds(f.failedAt),
    `${f.oldPrimary} → ${f.newPrimary}`,
    f.trigger,
    seconds(f.promotedAt),
    seconds(f.rtoMs),
    String(f.lostWrites),
  ];
}

function heading(report: Report): string {
  const { scenario, side, options } = report;
  const name = typeof scenario.name === 'string' ? `"${scenario.name}"` : 'Scenario';
  const nodes = side.simulation.nodes().length;
  const seed = typeof scenario.seed === 'number' ? scenario.seed : 1;
  return `${name} · ${nodes} nodes · seed ${seed} · ${seconds(options.untilMs)} simulated`;
}

export function reportText(report: Report): string {
  const { figures: f, refused, simulation } = report.side;
  const failovers = simulation.failovers();
  const conflicts = simulation.conflicts();
  const lines: string[] = [heading(report), '', 'Figures'];
  lines.push(
    table([
      ['figure', 'value'],
      ['write latency p50', millis(f.writeLatency.p50)],
      ['write latency p99', millis(f.writeLatency.p99)],
      ['replica lag, largest', millis(f.lag.maxMs)],
      ...f.lag.replicas.map((r) => [
        `  lag of ${r.nodeId}`,
        `mean ${millis(r.meanMs)}, max ${millis(r.maxMs)}`,
      ]),
      ['lost writes', String(f.lostWrites)],
      ['stale reads', String(f.staleReads)],
      ['blocked writes', String(f.blockedWrites)],
      ['conflicts', String(f.conflicts)],
      ['throughput', `${f.throughput.toFixed(1)} writes/s`],
    ]),
  );
  lines.push('', `Failovers (${failovers.length})`);
  if (failovers.length > 0)
    lines.push(
      table([
        ['failed', 'old → new', 'trigger', 'promoted', 'RTO', 'writes lost'],
        ...failovers.map(failoverRow),
      ]),
    );
  lines.push('', `Conflicts (${conflicts.length})`);
  if (conflicts.length > 0)
    lines.push(
      table([
        ['at', 'key', 'versions', 'kept'],
        ...conflicts
          .slice(0, 20)
          .map((c) => [
            seconds(c.at),
            c.key,
            c.versions.map((v) => `${v.value} (${v.origin})`).join(', '),
            c.winner === null ? 'siblings' : c.winner.value,
          ]),
      ]),
    );
  if (conflicts.length > 20) lines.push(`  … and ${conflicts.length - 20} more`);
  lines.push('', `Anomalies (${report.anomalies.length})`);
  for (const a of report.anomalies.slice(0, 20))
    lines.push(`  ${a.kind} at ${seconds(a.at)}: ${a.explanation}`);
  if (report.anomalies.length > 20) lines.push(`  … and ${report.anomalies.length - 20} more`);
  if (refused.length > 0) {
    lines.push('', `Refused commands (${refused.length})`);
    for (const r of refused)
      lines.push(`  commands[${r.index}] ${r.command.type} at ${seconds(r.at)}: ${r.reason}`);
  }
  if (report.options.command === 'check') {
    const kinds = report.options.forbid.join(', ');
    lines.push(
      '',
      report.forbidden.length === 0
        ? `PASS: no ${kinds} in ${seconds(report.options.untilMs)}.`
        : `FAIL: ${report.forbidden.length} forbidden (${[...new Set(report.forbidden.map((a) => a.kind))].join(', ')}).`,
    );
  }
  return lines.join('\n');
}

export function reportJson(report: Report): string {
  const { figures, refused, simulation } = report.side;
  return JSON.stringify(
    {
      durationMs: report.options.untilMs,
      figures,
      failovers: simulation.failovers(),
      conflicts: simulation.conflicts(),
      anomalies: report.anomalies,
      refused: refused.map((r) => ({ index: r.index, at: r.at, type: r.command.type, reason: r.reason })),
      ...(report.options.command === 'check'
        ? {
            check: {
              forbid: report.options.forbid,
              passed: report.forbidden.length === 0,
              forbidden: report.forbidden,
            },
          }
        : {}),
    },
    null,
    2,
  );
}
