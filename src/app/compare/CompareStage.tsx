/**
 * Compare mode's stage: the one-click comparisons, how B differs from A in words, and both sides' graphs
 * (each its own store provided to the same components, in `data-side="A"` / `data-side="B"`), with what
 * each side refused.
 */
import { useEffect, useId, useMemo, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { LabStoreContext, useLabStore, useLabStoreApi, type LabStore } from '../../store/index.ts';
import { refusalText, type Comparison, type Side } from '../../store/compare/coordinator.ts';
import { CLASSIC_COMPARISONS, differencesInWords } from '../../store/compare/variants.ts';
import { scenarioFor } from '../../store/settings.ts';
import { Graph } from '../../view/graph/Graph.tsx';
import { StatusLine } from '../../view/panels/banners/StatusLine.tsx';
import { TopologyTable } from '../../view/panels/TopologyTable.tsx';
import { PanelPace } from '../../view/panels/PanelPace.tsx';
import { SettingsPanel } from '../../view/panels/settings/SettingsPanel.tsx';
import { translateRoles, useWords } from '../../view/vocabulary.ts';
import { pick, type CompareSession, type ShowSession } from './compareMode.ts';
import { CompareCharts } from './CompareCharts.tsx';
import { DifferencesTable } from './DifferencesTable.tsx';
import { useStoreOf } from './useStoreOf.ts';
import './compare.css';

/** The newest refusals shown under a side. */
const REFUSALS_SHOWN = 3;

function Refusals({ comparison, side }: { readonly comparison: Comparison; readonly side: Side }) {
  const words = useWords();
  const refusals = useSyncExternalStore(
    comparison.state.subscribe,
    () => comparison.state.getState().refusals[side],
  );
  if (refusals.length === 0) return null;
  return (
    <ul className="compare-refusals" aria-label={`Refused on ${side}`}>
      {refusals.slice(-REFUSALS_SHOWN).map((r, i) => (
        <li key={`${i}:${r.at}:${r.reason}`}>
          <span aria-hidden="true">✕ </span>
          {translateRoles(refusalText(side, r), words)}
        </li>
      ))}
    </ul>
  );
}

function SideView({
  side,
  store,
  comparison,
}: {
  readonly side: Side;
  readonly store: LabStore;
  readonly comparison: Comparison;
}) {
  const name = translateRoles(
    useStoreOf(store, (s) => s.scenarioName),
    useWords(),
  );
  const titleId = useId();
  // The Table toggle under the stage (A's) shows each side's topology as a table in place of its graph.
  const tableShown = useLabStore((s) => s.topologyTableShown);
  return (
    <section className="compare-side" data-side={side} aria-labelledby={titleId}>
      <LabStoreContext value={store}>
        <h2 id={titleId} className="compare-side-title">
          <span className="compare-side-letter">{side}</span> {name}
        </h2>
        {side === 'B' && <StatusLine />}
        {tableShown ? (
          <PanelPace>
            <TopologyTable caption={`Topology of ${side}`} />
          </PanelPace>
        ) : (
          <Graph compact={false} />
        )}
        <Refusals comparison={comparison} side={side} />
      </LabStoreContext>
    </section>
  );
}

function BSettings({ b }: { readonly b: LabStore }) {
  const open = useStoreOf(b, (s) => s.settingsOpen);
  const aOpen = useLabStore((s) => s.settingsOpen);
  const setAOpen = useLabStore((s) => s.setSettingsOpen);
  // One Settings panel at a time (they share their ids): A's opening closes B's.
  useEffect(() => {
    if (aOpen) b.getState().setSettingsOpen(false);
  }, [aOpen, b]);
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        title="Change B's replication, network, failover and conflict settings (A keeps its own)"
        onClick={() => {
          setAOpen(false);
          b.getState().setSettingsOpen(!open);
        }}
      >
        B’s settings
      </button>
      <LabStoreContext value={b}>
        <SettingsPanel />
      </LabStoreContext>
    </>
  );
}

export interface CompareStageProps {
  readonly session: CompareSession;
  /** Shows another comparison in the lab shell (a one-click one picked here). */
  readonly show: ShowSession;
}

export function CompareStage({ session, show }: CompareStageProps) {
  const store = useLabStoreApi();
  const { comparison } = session;
  const words = useWords();
  const selectId = useId();
  const aScenario = useLabStore((s) => s.scenario);
  const aSettings = useLabStore((s) => s.settings);
  const bScenario = useStoreOf(comparison.b, (s) => s.scenario);
  const bSettings = useStoreOf(comparison.b, (s) => s.settings);
  // B shows what A's shell was set to since it opened: presenter mode's larger type, the theme, the words.
  const presenting = useLabStore((s) => s.presenting);
  const theme = useLabStore((s) => s.theme);
  const vocabulary = useLabStore((s) => s.vocabulary);
  useEffect(() => {
    const b = comparison.b.getState();
    b.setPresenting(presenting);
    b.setTheme(theme);
    b.setVocabulary(vocabulary);
  }, [comparison.b, presenting, theme, vocabulary]);
  const differences = useMemo(() => {
    try {
      return differencesInWords(scenarioFor(aScenario, aSettings), scenarioFor(bScenario, bSettings));
    } catch {
      return [];
    }
  }, [aScenario, aSettings, bScenario, bSettings]);
  // The table goes at the top of the details column (first by CSS order), at the panels' pace; without
  // that column (an embed without chrome) it sits under the graphs.
  const details = document.getElementById('lab-details');
  const table = (
    <PanelPace>
      <DifferencesTable comparison={comparison} />
      <CompareCharts comparison={comparison} />
    </PanelPace>
  );
  return (
    <div className="compare-stage">
      {details === null ? table : createPortal(table, details)}
      <div className="compare-bar">
        <span className="field">
          <label htmlFor={selectId}>Comparison</label>
          <select
            id={selectId}
            value={session.classic ?? ''}
            title="One-click comparisons of the classic questions: both sides start over on one seed and workload"
            onChange={(e) => {
              void pick(store, e.target.value === '' ? null : e.target.value, show);
            }}
          >
            <option value="">B as A (change B’s settings)</option>
            {CLASSIC_COMPARISONS.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </span>
        <BSettings b={comparison.b} />
      </div>
      <ul className="compare-words" aria-label="How B differs from A">
        {differences.length === 0 ? (
          <li>B runs the same configuration as A: change B’s settings, or pick a comparison.</li>
        ) : (
          differences.map((d) => <li key={d}>{translateRoles(d, words)}</li>)
        )}
      </ul>
      <div className="compare-sides">
        <SideView side="A" store={comparison.a} comparison={comparison} />
        <SideView side="B" store={comparison.b} comparison={comparison} />
      </div>
    </div>
  );
}
