/** The preset picker, named "Topology". */
import { useId } from 'react';
import {
  PRESET_NAMES,
  isPresetName,
  presetTitle,
  useLabActions,
  useLabStore,
  type PresetName,
} from '../store/index.ts';
import { useWords, type Vocabulary } from '../view/vocabulary.ts';

const cap = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Preset titles in the chosen words; presets not listed keep the engine's title. */
const TITLES: Partial<Record<PresetName, (w: Vocabulary) => string>> = {
  'master-slave': (w) => `${cap(w.primary)} and two ${w.replicas} (async)`,
  cascading: (w) => `Cascading ${w.replicas}`,
  'master-master': (w) => `${cap(w.primary)}-${w.primary} with one ${w.replica} each`,
  'pg-regions': (w) =>
    `PostgreSQL across two regions: FIRST 1 standby in-region, async DR ${w.replica}, cascading reporting`,
  'mysql-semisync-regions': (w) =>
    `MySQL semi-sync across two regions: the semi-sync ${w.replica} is remote, 10 s timeout to async`,
  'pgd-regions': (w) =>
    `PGD-style multi-region ${w.primary}-${w.primary}: async, conflicts settled by last update wins`,
};

function topologyTitle(name: PresetName, words: Vocabulary): string {
  return TITLES[name]?.(words) ?? presetTitle(name);
}

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
