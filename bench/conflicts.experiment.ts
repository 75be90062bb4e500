/**
 * The seed's claim, measured: "conflict resolution comes into play as more write nodes are added and as
 * latency increases". One seeded workload (writes spread over the masters, 20 keys) runs on the engine for
 * every master count and one-way latency; the table prints conflicts per 100 writes. Run: npm run experiment:conflicts
 */
import { createSimulation, type ScenarioInput } from '../src/engine/index.ts';

export const MASTER_COUNTS = [2, 3, 5] as const;
export const LATENCIES_MS = [5, 50, 200] as const;
const WRITES_PER_SEC = 40;
const KEYS = 20;
const DURATION_MS = 60_000;

export interface ConflictCell {
  readonly masters: number;
  readonly latencyMs: number;
  readonly writes: number;
  readonly conflicts: number;
  /** Conflicts per 100 acknowledged writes. */
  readonly rate: number;
}

export function measure(masters: number, latencyMs: number): ConflictCell {
  const nodes: ScenarioInput['nodes'] = Array.from({ length: masters }, (_, i) => ({
    id: `db${i + 1}`,
    role: 'primary' as const,
  }));
  const sim = createSimulation({
    seed: 42,
    nodes,
    replication: { mode: 'async' },
    network: { latencyMs, jitterMs: latencyMs / 5 },
    conflictResolution: 'lww',
  });
  sim.startWorkload({ writesPerSec: WRITES_PER_SEC, readsPerSec: 0, keys: KEYS });
  sim.advance(DURATION_MS);
  sim.stopWorkload();
  sim.runUntilIdle();
  const { writes, conflicts } = sim.metrics();
  return { masters, latencyMs, writes, conflicts, rate: writes === 0 ? 0 : (100 * conflicts) / writes };
}

function main(): void {
  const cells = MASTER_COUNTS.flatMap((m) => LATENCIES_MS.map((l) => measure(m, l)));
  console.log(
    `Conflicts per 100 writes: async LWW, ${WRITES_PER_SEC} writes/s spread over the masters, ${KEYS} keys, ${DURATION_MS / 1000} s simulated, seed 42\n`,
  );
  const header = ['masters', ...LATENCIES_MS.map((l) => `${l} ms`)];
  const rows = MASTER_COUNTS.map((m) => [
    String(m),
    ...LATENCIES_MS.map((l) => {
      const cell = cells.find((c) => c.masters === m && c.latencyMs === l);
      return cell === undefined ? '' : `${cell.rate.toFixed(1)} (${cell.conflicts}/${cell.writes})`;
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

main();
