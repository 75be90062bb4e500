/**
 * Playback and scenario controls: play/pause, step, speed, reset, topology, settings, shortcuts,
 * theme, and (in the full lab) share and presenter mode. `controls="minimal"` keeps playback only;
 * `"hidden"` keeps only Play/Pause (WCAG 2.2.2: auto-play can always be paused, and a paused
 * embed started again).
 */
import { useId } from 'react';
import { fullscreenAvailable } from './present/fullscreen.ts';
import { useLabActions, useLabStore } from '../store/index.ts';
import { TopologySelect } from './TopologySelect.tsx';

const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10];
const THEME_LABEL = { system: 'auto', light: 'light', dark: 'dark' } as const;

export type ToolbarControls = 'full' | 'minimal' | 'hidden';

interface ToolbarProps {
  readonly compact: boolean;
  readonly controls?: ToolbarControls;
  readonly onFullscreen?: () => void;
}

export function Toolbar({ compact, controls = 'full', onFullscreen }: ToolbarProps) {
  const actions = useLabActions();
  const presenting = useLabStore((s) => s.presenting);
  const setPresenting = useLabStore((s) => s.setPresenting);
  const setShareOpen = useLabStore((s) => s.setShareOpen);
  const playing = useLabStore((s) => s.playing);
  const speed = useLabStore((s) => s.speed);
  const theme = useLabStore((s) => s.theme);
  const cycleTheme = useLabStore((s) => s.cycleTheme);
  const settingsOpen = useLabStore((s) => s.settingsOpen);
  const setSettingsOpen = useLabStore((s) => s.setSettingsOpen);
  const setHelpOpen = useLabStore((s) => s.setShortcutsHelpOpen);
  const speedId = useId();
  const full = controls === 'full';
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
      {controls !== 'hidden' && (
        <button type="button" onClick={actions.stepToNextEvent} title="Pause and run to the next event (→)">
          Step
        </button>
      )}
      {full && (
        <>
          <span className="field present-hide">
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
          <button
            type="button"
            onClick={actions.reset}
            title="Start this scenario over with the same settings"
          >
            Reset
          </button>
          {!compact && <TopologySelect className="field present-hide" />}
          <button
            type="button"
            className="present-hide"
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
            className="present-hide"
            onClick={cycleTheme}
            aria-label={`Theme: ${THEME_LABEL[theme]}`}
            title="Switch between automatic, light and dark theme"
          >
            {compact ? (
              <span aria-hidden="true">◐ {THEME_LABEL[theme]}</span>
            ) : (
              `Theme: ${THEME_LABEL[theme]}`
            )}
          </button>
          {!compact && (
            <button
              type="button"
              aria-pressed={presenting}
              title="Presenter mode: large type, thick lines, high contrast (Shift+P)"
              onClick={() => {
                setPresenting(!presenting);
              }}
            >
              Present
            </button>
          )}
          {onFullscreen !== undefined && fullscreenAvailable() && (
            <button type="button" title="Full screen on or off (F)" onClick={onFullscreen}>
              Full screen
            </button>
          )}
          {!compact && (
            <button
              type="button"
              title="A link to this exact run, the embed code, pictures and the scenario file"
              onClick={() => {
                setShareOpen(true);
              }}
            >
              Share
            </button>
          )}
        </>
      )}
    </div>
  );
}
