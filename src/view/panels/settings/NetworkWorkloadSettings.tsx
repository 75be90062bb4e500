/** Network latency and jitter, and the background workload: rates, key space and read routing. */
import type { ReadRouting } from '../../../engine/index.ts';
import { useLabActions, useLabStore } from '../../../store/index.ts';
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

export function WorkloadSettings() {
  const actions = useLabActions();
  const workload = useLabStore((s) => s.settings.workload);
  const words = useWords();
  const routing: readonly (readonly [ReadRouting, string])[] = [
    ['replicas', translateRoles('replicas', words)],
    ['primary', translateRoles('primary only', words)],
    ['any', 'any node'],
  ];
  return (
    <fieldset className="settings-group">
      <legend>Workload</legend>
      <NumberField
        label="Writes per second"
        value={workload.writesPerSec}
        min={0}
        max={1000}
        unit="/s"
        onCommit={(writesPerSec) => {
          actions.changeSettings({ workload: { writesPerSec } });
        }}
      />
      <NumberField
        label="Reads per second"
        value={workload.readsPerSec}
        min={0}
        max={1000}
        unit="/s"
        onCommit={(readsPerSec) => {
          actions.changeSettings({ workload: { readsPerSec } });
        }}
      />
      <NumberField
        label="Key space"
        value={workload.keys}
        min={1}
        max={1_000_000}
        unit="keys"
        onCommit={(keys) => {
          actions.changeSettings({ workload: { keys } });
        }}
      />
      <SelectField
        label="Read routing"
        value={workload.readRouting}
        options={routing}
        onChange={(readRouting) => {
          actions.changeSettings({ workload: { readRouting } });
        }}
      />
    </fieldset>
  );
}
