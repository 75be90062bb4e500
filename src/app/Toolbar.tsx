/** Playback and scenario controls: play/pause, step, speed, reset, write, preset and theme. */
import { PRESET_NAMES, isPresetName, presetTitle, useLabActions, useLabStore } from '../store/index.ts';

const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10];
const THEME_LABEL = { system: 'auto', light: 'light', dark: 'dark' } as const;

export function Toolbar({ compact }: { readonly compact: boolean }) {
  const actions = useLabActions();
  const playing = useLabStore((s) => s.playing);
  const speed = useLabStore((s) => s.speed);
  const preset = useLabStore((s) => s.presetName);
  const theme = useLabStore((s) => s.theme);
  const cycleTheme = useLabStore((s) => s.cycleTheme);
  return (
    <div className="toolbar" role="toolbar" aria-label="Simulation controls">
      <button
        type="button"
        className="button--primary play-button"
        onClick={() => {
          actions.togglePlay();
        }}
        title={playing ? 'Pause the simulation' : 'Run the simulation'}
      >
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        onClick={() => {
          actions.stepToNextEvent();
        }}
        title="Pause and run to the next event"
      >
        Step
      </button>
      <label className="field">
        <span>Speed</span>
        <select
          value={speed}
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
      </label>
      <button
        type="button"
        onClick={() => {
          actions.reset();
        }}
        title="Start this scenario over"
      >
        Reset
      </button>
      <button
        type="button"
        onClick={() => {
          actions.writeNext();
        }}
        title="Write a new key to the current master"
      >
        Write
      </button>
      {!compact && (
        <label className="field">
          <span>Preset</span>
          <select
            value={preset}
            onChange={(e) => {
              if (isPresetName(e.target.value)) actions.loadPreset(e.target.value);
            }}
          >
            {PRESET_NAMES.map((name) => (
              <option key={name} value={name}>
                {presetTitle(name)}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="button" onClick={cycleTheme} title="Switch between automatic, light and dark theme">
        Theme: {THEME_LABEL[theme]}
      </button>
    </div>
  );
}
