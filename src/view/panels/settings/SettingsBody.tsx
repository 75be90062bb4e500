/** The open Settings panel: scenario settings (which rebuild the simulation) and display settings. */
import { useEffect, useRef, type ReactNode } from 'react';
import { useLabStore, type VocabularyName } from '../../../store/index.ts';
import { VOCABULARY_LABELS } from '../../vocabulary.ts';
import { FailoverSettings } from './FailoverSettings.tsx';
import { NetworkSettings, WorkloadSettings } from './NetworkWorkloadSettings.tsx';
import { ReplicationSettings } from './ReplicationSettings.tsx';
import { SelectField } from './SelectField.tsx';
import './settings.css';

const TERMS = Object.entries(VOCABULARY_LABELS) as [VocabularyName, string][];

/** `children` go first (the embed puts its Topology picker here). */
export function SettingsBody({ children }: { readonly children?: ReactNode }) {
  const setOpen = useLabStore((s) => s.setSettingsOpen);
  const vocabulary = useLabStore((s) => s.vocabulary);
  const setVocabulary = useLabStore((s) => s.setVocabulary);
  const shortcuts = useLabStore((s) => s.shortcutsEnabled);
  const setShortcuts = useLabStore((s) => s.setShortcutsEnabled);
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    panel.current?.focus();
  }, []);
  const close = () => {
    setOpen(false);
    document.querySelector<HTMLElement>('[aria-controls="settings-panel"]')?.focus();
  };
  return (
    <section
      id="settings-panel"
      ref={panel}
      tabIndex={-1}
      className="settings-panel"
      aria-labelledby="settings-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') close();
      }}
    >
      <header className="settings-header">
        <h2 id="settings-title">Settings</h2>
        <button type="button" aria-label="Close settings" onClick={close}>
          ✕
        </button>
      </header>
      <p className="hint settings-hint">
        Replication, network, workload and failover settings change the run from the instant shown, as a
        server reloads its configuration (in the past, that makes a new branch). A group of masters&apos;
        replication mode starts the simulation over with it, like Reset. Terminology and shortcuts apply at
        once.
      </p>
      {children}
      <ReplicationSettings />
      <NetworkSettings />
      <WorkloadSettings />
      <FailoverSettings />
      <fieldset className="settings-group">
        <legend>Display</legend>
        <SelectField label="Terminology" value={vocabulary} options={TERMS} onChange={setVocabulary} />
        <div className="setting setting--check">
          <input
            id="shortcuts-enabled"
            type="checkbox"
            checked={shortcuts}
            onChange={(e) => {
              setShortcuts(e.target.checked);
            }}
          />
          <label htmlFor="shortcuts-enabled">Single-key shortcuts (Space, →, ?)</label>
        </div>
      </fieldset>
    </section>
  );
}
