/** The layout shell: header and toolbar, caption, graph, side panel and metrics. */
import { useRef } from 'react';
import { LabStoreContext, useLabStore, type LabStore } from '../store/index.ts';
import { Graph } from '../view/graph/Graph.tsx';
import { Legend } from '../view/graph/Legend.tsx';
import { useAnimationLoop } from '../view/loop/useAnimationLoop.ts';
import { BackupsPanel } from '../view/panels/BackupsPanel.tsx';
import { EventLog } from '../view/panels/EventLog.tsx';
import { LinkDetails } from '../view/panels/LinkDetails.tsx';
import { LostWritesPanel } from '../view/panels/LostWritesPanel.tsx';
import { MetricsStrip } from '../view/panels/MetricsStrip.tsx';
import { NodeDetails } from '../view/panels/NodeDetails.tsx';
import { ReadOnlyBanner } from '../view/panels/ReadOnlyBanner.tsx';
import { SplitBrainBanner } from '../view/panels/SplitBrainBanner.tsx';
import { SettingsPanel } from '../view/panels/settings/SettingsPanel.tsx';
import { StatusLine } from '../view/panels/StatusLine.tsx';
import { TopologyTable, TopologyTableToggle } from '../view/panels/TopologyTable.tsx';
import { useWords } from '../view/vocabulary.ts';
import { captionFor } from './captions.ts';
import { LessonPanel } from './lessons/LessonPanel.tsx';
import { LessonsMenu } from './lessons/LessonsMenu.tsx';
import { useLessonLink } from './lessons/useLessonLink.ts';
import type { Route } from './route.ts';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';
import { Toolbar } from './Toolbar.tsx';
import { TopologySelect } from './TopologySelect.tsx';
import { useShortcuts } from './useShortcuts.ts';
import { useTheme } from './useTheme.ts';
import './app.css';
import '../view/panels/panels.css';

function Lab({ route }: { readonly route: Route }) {
  useAnimationLoop();
  const root = useRef<HTMLDivElement>(null);
  useShortcuts(root);
  useLessonLink();
  const compact = route === 'embed';
  const preset = useLabStore((s) => s.presetName);
  const words = useWords();
  const tableShown = useLabStore((s) => s.topologyTableShown);
  useTheme(useLabStore((s) => s.theme));
  return (
    <div className={`lab lab--${route}`} ref={root}>
      <header className="lab-header">
        <h1>
          {compact ? (
            // The embed links out to the full lab in a new tab, sending no referrer.
            <a href="/" target="_blank" rel="noreferrer" title="Open the full lab in a new tab">
              Replication Lab <span aria-hidden="true">↗</span>
            </a>
          ) : (
            'Replication Lab'
          )}
        </h1>
        <Toolbar compact={compact} />
        <LessonsMenu />
        <SettingsPanel>{compact && <TopologySelect className="setting" />}</SettingsPanel>
      </header>
      <p className="caption">{captionFor(preset, words)}</p>
      <ReadOnlyBanner />
      <SplitBrainBanner />
      <StatusLine />
      <main className="lab-main">
        <div className="graph-column">
          {tableShown ? <TopologyTable /> : <Graph compact={compact} />}
          <div className="graph-footer">
            <Legend />
            <TopologyTableToggle />
          </div>
        </div>
        <aside className="side-panel" aria-label="Details">
          <LessonPanel />
          <NodeDetails />
          <LinkDetails />
          <LostWritesPanel />
          <BackupsPanel />
          {!compact && <EventLog />}
        </aside>
      </main>
      <MetricsStrip />
      <ShortcutsDialog />
    </div>
  );
}

export function App({ store, route }: { readonly store: LabStore; readonly route: Route }) {
  return (
    <LabStoreContext value={store}>
      <Lab route={route} />
    </LabStoreContext>
  );
}
