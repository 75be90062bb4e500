/**
 * Playback and scenario controls: play/pause, step, speed, reset, topology, settings, shortcuts,
 * theme, and (in the full lab) share and presenter mode. `controls="minimal"` keeps playback only;
 * `"hidden"` keeps only Play/Pause (WCAG 2.2.2: auto-play can always be paused, and a paused
 * embed started again). In a smaller window (`tier`) the less-used controls go behind More, named
 * as before; in the smallest, the row's own controls show icons, their names kept.
 */
import { useId, type ReactNode } from 'react';
import { fullscreenAvailable } from './present/fullscreen.ts';
import { useLabActions, useLabStore } from '../store/index.ts';
import type { LayoutTier } from './layoutTier.ts';
import { MoreControls } from './MoreControls.tsx';
import { TopologySelect } from './TopologySelect.tsx';

const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10];
const THEME_LABEL = { system: 'auto', light: 'light', dark: 'dark' } as const;

export type ToolbarControls = 'full' | 'minimal' | 'hidden';

interface ToolbarProps {
  /** The embed: no topology (it is in Settings), share or presenter mode; icons for settings and theme. */
  readonly compact: boolean;
  readonly controls?: ToolbarControls;
  /** The window's room (see layoutTier.ts); the embed is `wide` (its own trimmed set) or `small`. */
  readonly tier?: LayoutTier;
  readonly onFullscreen?: () => void;
}

/** The speed; in the toolbar's row its select says "1×" and the label is for screen readers only (room). */
function SpeedField({ labelHidden = false }: { readonly labelHidden?: boolean }) {
  const actions = useLabActions();
  const speed = useLabStore((s) => s.speed);
  const speedId = useId();
  return (
    <span className="field present-hide">
      <label htmlFor={speedId} className={labelHidden ? 'visually-hidden' : undefined}>
        Speed
      </label>
      <select
        id={speedId}
        value={speed}
        title="Speed: simulated time per real second"
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
  );
}

/** Shortcuts, theme, presenter mode, full screen and share: how the lab is viewed, not what it runs. */
function ViewControls({ compact, onFullscreen }: Pick<ToolbarProps, 'compact' | 'onFullscreen'>) {
  const presenting = useLabStore((s) => s.presenting);
  const setPresenting = useLabStore((s) => s.setPresenting);
  const setShareOpen = useLabStore((s) => s.setShareOpen);
  const theme = useLabStore((s) => s.theme);
  const cycleTheme = useLabStore((s) => s.cycleTheme);
  const setHelpOpen = useLabStore((s) => s.setShortcutsHelpOpen);
  return (
    <>
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
        <span aria-hidden="true">◐ {THEME_LABEL[theme]}</span>
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
  );
}

export function Toolbar({ compact, controls = 'full', tier = 'wide', onFullscreen }: ToolbarProps) {
  const actions = useLabActions();
  const playing = useLabStore((s) => s.playing);
  const settingsOpen = useLabStore((s) => s.settingsOpen);
  const setSettingsOpen = useLabStore((s) => s.setSettingsOpen);
  const full = controls === 'full';
  const small = tier === 'small';
  const topology = !compact && <TopologySelect className="field present-hide" />;
  const view = <ViewControls compact={compact} {...(onFullscreen ? { onFullscreen } : {})} />;
  const reset = (
    <button type="button" onClick={actions.reset} title="Start this scenario over with the same settings">
      Reset
    </button>
  );
  const settings = (
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
      {!small && (compact || tier === 'narrow') ? (
        <span className="visually-hidden">Settings</span>
      ) : (
        ' Settings'
      )}
    </button>
  );
  const stepBack = (
    <button
      type="button"
      className="step-back-button"
      onClick={actions.stepBack}
      title="Step back: pause and show the previous event (←)"
    >
      <span className="control-icon control-icon--step-back" aria-hidden="true" />
      <span className="control-label">Step back</span>
    </button>
  );
  // What goes behind More, by tier; the rest stays in the row.
  const more: ReactNode =
    tier === 'small' ? (
      <>
        {stepBack}
        <SpeedField />
        {reset}
        {topology}
        {settings}
        {view}
      </>
    ) : tier === 'narrow' ? (
      <>
        <SpeedField />
        {topology}
        {view}
      </>
    ) : tier === 'mid' ? (
      <>
        <SpeedField />
        {view}
      </>
    ) : null;
  // In the small tier Play, Step and More show icons only (.control-label is hidden visually, not from names).
  return (
    <div className="toolbar" role="toolbar" aria-label="Simulation controls">
      <button
        type="button"
        className="button--primary play-button"
        onClick={actions.togglePlay}
        title={playing ? 'Pause the simulation (Space)' : 'Run the simulation (Space)'}
      >
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
        <span className="control-label">{playing ? 'Pause' : 'Play'}</span>
      </button>
      {controls !== 'hidden' && (
        <>
          {!small && stepBack}
          <button type="button" onClick={actions.stepToNextEvent} title="Pause and run to the next event (→)">
            <span className="control-icon control-icon--step" aria-hidden="true" />
            <span className="control-label">Step</span>
          </button>
        </>
      )}
      {full && (
        <>
          {more === null && <SpeedField labelHidden />}
          {!small && reset}
          {(tier === 'wide' || tier === 'mid') && topology}
          {!small && settings}
          {more === null ? view : <MoreControls>{more}</MoreControls>}
        </>
      )}
    </div>
  );
}
