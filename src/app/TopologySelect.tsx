/** The preset picker, named "Topology". */
import { useId } from 'react';
import { PRESET_NAMES, isPresetName, useLabActions, useLabStore } from '../store/index.ts';
import { useWords } from '../view/vocabulary.ts';
import { topologyTitle } from './topologyTitle.ts';

export function TopologySelect({ className = 'field' }: { readonly className?: string }) {
  const actions = useLabActions();
  const preset = useLabStore((s) => s.presetName);
  const words = useWords();
  const id = useId();
  return (
    <span className={className}>
      <label htmlFor={id}>Topology</label>
      <select
        id={id}
        value={preset}
        // The whole name on hover: a long one is cut off in the closed select.
        title={`${topologyTitle(preset, words)}. Load a ready-made topology (starts the simulation over)`}
        onChange={(e) => {
          if (isPresetName(e.target.value)) actions.loadPreset(e.target.value);
        }}
      >
        {PRESET_NAMES.map((name) => (
          <option key={name} value={name}>
            {topologyTitle(name, words)}
          </option>
        ))}
      </select>
    </span>
  );
}
