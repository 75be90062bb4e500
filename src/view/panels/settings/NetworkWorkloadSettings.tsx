/**
 * Network latency and jitter, and the background workload: rates and read share, key space and popularity,
 * clients per region, read routing, read-your-writes sessions, and a burst.
 */
import { useId } from 'react';
import { workloadRates, type KeyDistribution, type ReadRouting } from '../../../engine/index.ts';
import { formatSeconds, useLabActions, useLabStore } from '../../../store/index.ts';
import { translateRoles, useWords } from '../../vocabulary.ts';
import { NumberField } from './NumberField.tsx';
import { SelectField } from './SelectField.tsx';

export function NetworkSettings() {
  const actions = useLabActions();
  const network = useLabStore((s) => s.settings.network);
  return (
    <fieldset className="settings-group">
      <legend>Network</legend>
      <NumberField
        label="Latency"
        value={network.latencyMs}
        min={0}
        max={60_000}
        unit="ms"
        hint="One-way delay of every link (0–60000 ms); applied on Enter"
        onCommit={(latencyMs) => {
          actions.changeSettings({ network: { latencyMs } });
        }}
      />
      <NumberField
        label="Jitter"
        value={network.jitterMs}
        min={0}
        max={60_000}
        unit="ms"
        hint="Random extra delay, from 0 to this, drawn from the seed; applied on Enter"
        onCommit={(jitterMs) => {
          actions.changeSettings({ network: { jitterMs } });
        }}
      />
    </fieldset>
  );
}

/** The read share as the field shows it: percent, to a tenth. */
const percent = (share: number) => Math.round(share * 1000) / 10;

export function WorkloadSettings() {
  const actions = useLabActions();
  const workload = useLabStore((s) => s.settings.workload);
  const regional = useLabStore((s) => s.snapshot.regions.length > 0);
  const words = useWords();
  const { writes, reads } = workloadRates(workload);
  const share = workload.readRatio ?? (writes + reads > 0 ? reads / (writes + reads) : 0);
  const zipf = workload.keyDistribution === 'zipf';
  const routing: readonly (readonly [ReadRouting, string])[] = [
    ['replicas', translateRoles('replicas', words)],
    ['primary', translateRoles('primary only', words)],
    ['any', 'any node'],
  ];
  const popularity: readonly (readonly [KeyDistribution, string])[] = [
    ['uniform', 'uniform'],
    ['zipf', 'Zipf (hot keys)'],
  ];
  return (
    <fieldset className="settings-group">
      <legend>Workload</legend>
      <NumberField
        label="Writes per second"
        value={writes}
        min={0}
        max={1000}
        step="any"
        unit="/s"
        hint="Writes the clients send each second, at random instants (Poisson); applied on Enter"
        onCommit={(writesPerSec) => {
          actions.changeSettings({ workload: { writesPerSec } });
        }}
      />
      <NumberField
        label="Reads per second"
        value={reads}
        min={0}
        max={1000}
        step="any"
        unit="/s"
        hint="Reads the clients send each second, at random instants (Poisson); applied on Enter"
        onCommit={(readsPerSec) => {
          actions.changeSettings({ workload: { readsPerSec } });
        }}
      />
      <NumberField
        label="Read share"
        value={percent(share)}
        min={0}
        max={100}
        step="any"
        unit="% reads"
        hint="Of all operations, the share that are reads: the rates above split their sum by it; applied on Enter"
        onCommit={(value) => {
          actions.changeSettings({ workload: { readRatio: value / 100 } });
        }}
      />
      <NumberField
        label="Key space"
        value={workload.keys}
        min={1}
        max={1_000_000}
        integer
        unit="keys"
        hint="Distinct keys the clients write and read, k0 to k(n−1); applied on Enter"
        onCommit={(keys) => {
          actions.changeSettings({ workload: { keys } });
        }}
      />
      <SelectField
        label="Key popularity"
        value={workload.keyDistribution ?? 'uniform'}
        options={popularity}
        hint="Uniform: every key as often. Zipf: the key of rank k is picked in proportion to 1/k^s, so a few hot keys take most operations (and most conflicts)"
        onChange={(keyDistribution) => {
          actions.changeSettings({ workload: { keyDistribution } });
        }}
      />
      {zipf && (
        <NumberField
          label="Zipf skew"
          value={workload.zipfSkew ?? 1}
          min={0}
          max={10}
          step={0.1}
          hint="Zipf's exponent s (0–10): 0 is uniform, 1 is typical of web keys, higher is hotter; applied on Enter"
          onCommit={(zipfSkew) => {
            actions.changeSettings({ workload: { zipfSkew } });
          }}
        />
      )}
      {regional && (
        <NumberField
          label="Clients per region"
          value={workload.clientsPerRegion ?? 1}
          min={1}
          max={100}
          integer
          unit="clients"
          hint={translateRoles(
            'Clients in each region: each writes to its nearest writable primary and reads from its nearest node the routing allows, across the latency between regions; applied on Enter',
            words,
          )}
          onCommit={(clientsPerRegion) => {
            actions.changeSettings({ workload: { clientsPerRegion } });
          }}
        />
      )}
      <SelectField
        label="Read routing"
        value={workload.readRouting}
        options={routing}
        hint="Where the clients send their reads"
        onChange={(readRouting) => {
          actions.changeSettings({ workload: { readRouting } });
        }}
      />
      <div className="setting setting--check">
        <input
          id="workload-read-your-writes"
          type="checkbox"
          checked={workload.readYourWrites ?? false}
          title={translateRoles(
            'Each client is a session that sees its own writes: its reads go to the nearest allowed node that has applied its last acknowledged write, else to the primary (as ProxySQL’s GTID causal reads)',
            words,
          )}
          onChange={(e) => {
            actions.changeSettings({ workload: { readYourWrites: e.target.checked } });
          }}
        />
        <label htmlFor="workload-read-your-writes">Read your writes (client sessions)</label>
      </div>
      <BurstButton running={writes + reads > 0} />
    </fieldset>
  );
}

/** Runs the workload ten times as fast for five seconds: load spikes, lag and queueing, then recovery. */
function BurstButton({ running }: { readonly running: boolean }) {
  const actions = useLabActions();
  const burst = useLabStore((s) => s.snapshot.burst);
  const id = useId();
  return (
    <div className="setting setting--action">
      <button
        type="button"
        disabled={!running}
        aria-describedby={id}
        onClick={() => {
          actions.burst();
        }}
      >
        Burst (10× for 5 s)
      </button>
      <p id={id} className="muted setting-note" aria-live="polite">
        {!running
          ? 'Start a workload (writes or reads per second) to burst it.'
          : burst === null
            ? 'The workload ten times as fast for 5 s of simulated time.'
            : `Bursting ${burst.factor}× until ${formatSeconds(burst.until)}.`}
      </p>
    </div>
  );
}
