/** Playback and scenario controls: play/pause, step, speed, reset, topology, settings, shortcuts, theme. */
import { useId } from 'react';
import { useLabActions, useLabStore } from '../store/index.ts';
import { TopologySelect } from './TopologySelect.tsx';

const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10];
const THEME_LABEL = { system: 'auto', light: 'light', dark: 'dark' } as const;

export function Toolbar({ compact }: { readonly compact: boolean }) {
  const actions = useLabActions();
  const playing = useLabStore((s) => s.playing);
  const speed = useLabStore((s) => s.speed);
  const theme = useLabStore((s) => s.theme);
  const cycleTheme = useLabStore((s) => s.cycleTheme);
  const settingsOpen = useLabStore((s) => s.settingsOpen);
  const setSettingsOpen = useLabStore((s) => s.setSettingsOpen);
  const setHelpOpen = useLabStore((s) => s.setShortcutsHelpOpen);
  const speedId = useId();
  return (
    <div className="toolbar" role="toolbar" aria-label="Simulation controls">
      <button
        type="button"
        className="button--primary play-button"
        onClick={actions.togglePlay}
        title={playing ? 'Pause the simulation (Space)' : 'Run the simulation (Space)'}
      >
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" onClick={actions.stepToNextEvent} title="Pause and run to the next event (→)">
        Step
      </button>
      <span className="field">
        <label htmlFor={speedId}>Speed</label>
        <select
          id={speedId}
          value={speed}
          title="Simulated time per real second"
          onChange={(e) => {
            actions.setSpeed(Number(e.target.value));
          }}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </span>
      <button type="button" onClick={actions.reset} title="Start this scenario over with the same settings">
        Reset
      </button>
      {!compact && <TopologySelect />}
      <button
        type="button"
        aria-expanded={settingsOpen}
        aria-controls="settings-panel"
        title="Replication mode, network, workload, terminology and shortcuts"
        onClick={() => {
          setSettingsOpen(!settingsOpen);
        }}
      >
        <span aria-hidden="true">⚙</span>
        {compact ? <span className="visually-hidden">Settings</span> : ' Settings'}
      </button>
      <button
        type="button"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={() => {
          setHelpOpen(true);
        }}
      >
        ?
      </button>
      <button
        type="button"
        onClick={cycleTheme}
        aria-label={`Theme: ${THEME_LABEL[theme]}`}
        title="Switch between automatic, light and dark theme"
      >
        {compact ? <span aria-hidden="true">◐ {THEME_LABEL[theme]}</span> : `Theme: ${THEME_LABEL[theme]}`}
      </button>
    </div>
  );
}
