/** The layout shell: header and toolbar, caption, graph, side panel and metrics. */
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { LabStoreContext, useLabStore, useLabStoreApi, type LabStore } from '../store/index.ts';
import { Graph } from '../view/graph/Graph.tsx';
import { Timeline } from '../view/timeline/Timeline.tsx';
import { useAnimationLoop } from '../view/loop/useAnimationLoop.ts';
import { ConflictsLedger } from '../view/panels/conflicts/ConflictsLedger.tsx';
import {
  BackupsPanel,
  EventLog,
  FailoverPanel,
  LostWritesPanel,
  TopologyTable,
} from '../view/panels/lazyPanels.tsx';
import { LoadReportBanner, OfflineUpdates, ReplayBanner, ShortcutsDialog } from './lazyParts.tsx';
import { LinkDetails } from '../view/panels/inspector/LinkDetails.tsx';
import { MetricsStrip } from '../view/panels/MetricsStrip.tsx';
import { PanelPace } from '../view/panels/PanelPace.tsx';
import { NodeDetails } from '../view/panels/inspector/NodeDetails.tsx';
import { PanelDock } from '../view/panels/PanelDock.tsx';
import { ReadOnlyBanner } from '../view/panels/banners/ReadOnlyBanner.tsx';
import { SplitBrainBanner } from '../view/panels/banners/SplitBrainBanner.tsx';
import { SettingsPanel } from '../view/panels/settings/SettingsPanel.tsx';
import { StatusLine } from '../view/panels/banners/StatusLine.tsx';
import { useWords } from '../view/vocabulary.ts';
import { Caption } from './Caption.tsx';
import { GraphFooter, GraphKey } from './GraphFooter.tsx';
import { useCaptionFor } from './useCaptionText.ts';
import { allowedOrigins } from './embed/origins.ts';
import { OpenInLab } from './embed/OpenInLab.tsx';
import { useHostMessages } from './embed/useHostMessages.ts';
import { toggleFullscreen } from './present/fullscreen.ts';
import { ShareDialog } from './share/ShareDialog.tsx';
import { useHashRun } from './share/useHashRun.ts';
import { DEFAULT_VIEW } from './share/defaultView.ts';
import type { ViewOptions } from './share/viewOptions.ts';
import { LessonPanel } from './lessons/LessonPanel.tsx';
import { LessonsMenu } from './lessons/LessonsMenu.tsx';
import { useLessonLink } from './lessons/useLessonLink.ts';
import type { Route } from './route.ts';
import { useLayout } from './layoutTier.ts';
import { SIDE_DEFAULT, SideResizer } from './SideResizer.tsx';
import { Toolbar, type ToolbarControls } from './Toolbar.tsx';
import { TopologySelect } from './TopologySelect.tsx';
import { useShortcuts } from './useShortcuts.ts';
import type { CompareSession } from './compare/compareMode.ts';
import { useTheme } from './useTheme.ts';
import { useTimelineOverlay } from './useTimelineOverlay.ts';
import './app.css';
import '../view/panels/panels.css';
import './present/present.css';

// Compare mode is fetched when first used (or a link holds a comparison): none of it is in the first frame.
const compareMode = () => import('./compare/compareMode.ts');

/** Which toolbar controls show: `?chrome=` and `?controls=0` trim them (Play/Pause always stays). */
function toolbarControls(view: ViewOptions): ToolbarControls {
  if (!view.controls || view.chrome === 'none') return 'hidden';
  return view.chrome === 'minimal' ? 'minimal' : 'full';
}

function Lab({ route, view }: { readonly route: Route; readonly view: ViewOptions }) {
  useAnimationLoop();
  const root = useRef<HTMLDivElement>(null);
  const [fullscreenProblem, setFullscreenProblem] = useState<string | null>(null);
  // The embed's charts and events overlay, opened from the graph's footer.
  const [dockShown, setDockShown] = useState(false);
  // The embed's node and link details, shown on request so picking a node never resizes the graph.
  const [detailsShown, setDetailsShown] = useState(false);
  // The small tier's legend and metrics, over the graph on request.
  const [keyShown, setKeyShown] = useState(false);
  // The small tier's timeline, over the graph on request.
  const {
    shown: timelineShown,
    toggle: toggleTimeline,
    close: closeTimeline,
    toggleRef: timelineToggleRef,
    measure: measureTimeline,
    covered: timelineCovers,
  } = useTimelineOverlay();
  // The details column's width in the full lab, set with its resize handle.
  const [sideWidth, setSideWidth] = useState(SIDE_DEFAULT);
  const fullscreen = useCallback(() => {
    if (root.current !== null) void toggleFullscreen(root.current).then(setFullscreenProblem);
  }, []);
  useShortcuts(root, fullscreen);
  useLessonLink();
  const store = useLabStoreApi();
  const [session, setSession] = useState<CompareSession | null>(null);
  const toggleCompare = () => void compareMode().then((m) => m.toggle(store, setSession));
  // A shared comparison (side B's run, `b=`, beside A's in the hash) reopens with the lab.
  useEffect(() => {
    if (/[#&]b=/.test(location.hash)) void compareMode().then((m) => m.fromLink(store, setSession));
  }, [store]);
  // A link pasted into this tab: the comparison on screen closes before its run loads, and the link's own
  // (if it holds one) opens after.
  const comparing = session !== null;
  const hashHooks = useMemo(
    () => ({
      before: async () => {
        if (comparing) (await compareMode()).close(setSession);
      },
      after: (loaded: boolean) => {
        if (loaded && /[#&]b=/.test(location.hash))
          void compareMode().then((m) => m.fromPastedLink(store, setSession));
      },
    }),
    [comparing, store],
  );
  const compact = route === 'embed';
  const layout = useLayout(compact);
  // The embed has its own trimmed toolbar, so of the tiers it needs only the smallest.
  const tier = compact && layout.tier !== 'small' ? 'wide' : layout.tier;
  const small = tier === 'small';
  // The full lab's small tier is a narrower narrow: it keeps the narrow tier's styles and adds its own.
  const tierClass = small && !compact ? 'lab--narrow lab--small' : `lab--${tier}`;
  const metricsInMain = !compact && layout.stacked && !small;
  const allowed = useMemo(
    () => (compact ? allowedOrigins(view.origins, document.referrer) : []),
    [compact, view.origins],
  );
  useHostMessages(root, allowed);
  useHashRun(hashHooks);
  const imported = useLabStore((s) => s.imported);
  const scenarioName = useLabStore((s) => s.scenarioName);
  const scenario = useLabStore((s) => s.scenario);
  const settings = useLabStore((s) => s.settings);
  const workload = useLabStore((s) => s.snapshot.workload);
  const presenting = useLabStore((s) => s.presenting);
  // Where the timeline lies over the bottom of the graph (timeline.css): the graph fits its nodes above it.
  const timelineOver = small || compact || presenting;
  const words = useWords();
  const captionFor = useCaptionFor();
  const tableShown = useLabStore((s) => s.topologyTableShown);
  useTheme(
    useLabStore((s) => s.theme),
    presenting,
  );
  const chrome = presenting && view.chrome === 'full' ? 'minimal' : view.chrome;
  const bare = chrome === 'none';
  const resizable = !compact && !bare && !layout.stacked;
  const metrics = !bare && (
    <PanelPace>
      <MetricsStrip />
    </PanelPace>
  );
  const legend = small
    ? {
        shown: keyShown,
        onToggle: () => {
          setKeyShown(!keyShown);
        },
        name: bare ? 'Legend' : 'Legend and metrics',
      }
    : undefined;
  const timelineToggle =
    small && !bare ? { shown: timelineShown, onToggle: toggleTimeline, ref: timelineToggleRef } : undefined;
  const footer = compact ? (
    <GraphFooter
      details={
        bare
          ? undefined
          : {
              shown: detailsShown,
              onToggle: () => {
                setDetailsShown(!detailsShown);
              },
            }
      }
      dock={{
        shown: dockShown,
        onToggle: () => {
          setDockShown(!dockShown);
        },
      }}
      legend={legend}
      timeline={timelineToggle}
    />
  ) : (
    <GraphFooter
      legend={legend}
      timeline={timelineToggle}
      compare={{ shown: session !== null, onToggle: toggleCompare }}
    />
  );
  const title = compact ? (
    // The embed links out to the full lab on this run, in a new tab, sending no referrer.
    <OpenInLab>
      Replication Lab <span aria-hidden="true">↗</span>
    </OpenInLab>
  ) : (
    'Replication Lab'
  );
  return (
    <div
      className={`lab lab--${route} lab--chrome-${chrome} ${tierClass}${!compact && layout.stacked ? ' lab--stacked' : ''}${presenting ? ' lab--present' : ''}`}
      ref={root}
    >
      {bare ? (
        <header className="bare-controls">
          <h1 className="visually-hidden">Replication Lab</h1>
          <Toolbar compact controls="hidden" />
          <OpenInLab className="bare-open">
            Replication Lab <span aria-hidden="true">↗</span>
          </OpenInLab>
        </header>
      ) : (
        <header className="lab-header">
          <h1>{title}</h1>
          <Toolbar compact={compact} controls={toolbarControls(view)} tier={tier} onFullscreen={fullscreen} />
          <LessonsMenu />
          <SettingsPanel>{compact && <TopologySelect className="setting" />}</SettingsPanel>
        </header>
      )}
      {/* Every part of the page sits in a landmark: the header above, this main, the aside within it. */}
      <main className="lab-body">
        {fullscreenProblem !== null && (
          <p role="status" className="banner present-fallback">
            {fullscreenProblem} <OpenInLab>Open in a new tab</OpenInLab>
          </p>
        )}
        <LoadReportBanner />
        <ReplayBanner />
        {route === 'lab' && import.meta.env.PROD && <OfflineUpdates />}
        {!bare && (
          <Caption
            text={
              captionFor === null
                ? // A line held while the caption's words load, just after the first frame.
                  '\u00a0'
                : `${imported ? `${scenarioName}. ` : ''}${captionFor({ scenario, settings, workload }, words, compact)}`
            }
            clamped={tier === 'narrow' || small}
          />
        )}
        <ReadOnlyBanner />
        <SplitBrainBanner />
        <StatusLine />
        <div
          className="lab-main"
          style={resizable ? ({ '--side-width': `${sideWidth}px` } as CSSProperties) : undefined}
        >
          <div className="graph-column">
            <div className="graph-stage">
              {session !== null ? (
                <session.Stage session={session} show={setSession} />
              ) : tableShown ? (
                <PanelPace>
                  <TopologyTable />
                </PanelPace>
              ) : (
                <Graph compact={compact} coveredBottom={timelineOver ? timelineCovers : 0} />
              )}
              {legend !== undefined && (
                <GraphKey shown={legend.shown} name={legend.name}>
                  {metrics}
                </GraphKey>
              )}
              {!bare && (!small || timelineShown) && (
                // While the run plays live the timeline follows at the panels' pace; a seek shows at once.
                // A phone or a small embed has no room for it under the graph: it lies over it on request.
                <PanelPace>
                  {small ? (
                    <Timeline ref={measureTimeline} focusOnMount onClose={closeTimeline} />
                  ) : (
                    <Timeline ref={timelineOver ? measureTimeline : undefined} />
                  )}
                </PanelPace>
              )}
              {!compact && footer}
            </div>
            {/* Stacked, the counters scroll up under the graph with the rest, so the graph gets the window. */}
            {metricsInMain && metrics}
            <PanelPace>
              <PanelDock compact={compact} shown={dockShown} />
            </PanelPace>
          </div>
          {!bare && (
            <PanelPace>
              {/* The small embed has no room beside the graph: its details lie over it, on request. */}
              <aside
                className="side-panel"
                id="lab-details"
                aria-label="Details"
                hidden={compact && small && !detailsShown}
              >
                <LessonPanel />
                {(!compact || detailsShown) && (
                  <>
                    <NodeDetails />
                    <LinkDetails />
                  </>
                )}
                <FailoverPanel />
                <LostWritesPanel />
                <ConflictsLedger />
                <BackupsPanel />
                {!compact && <EventLog />}
              </aside>
            </PanelPace>
          )}
          {resizable && <SideResizer width={sideWidth} onWidth={setSideWidth} controls="lab-details" />}
        </div>
        {/* The embed's footer spans the details column too, so beside it the legend still fits two lines. */}
        {compact && footer}
        {!metricsInMain && !small && metrics}
      </main>
      <ShortcutsDialog />
      {!compact && <ShareDialog root={root} />}
    </div>
  );
}

interface AppProps {
  readonly store: LabStore;
  readonly route: Route;
  readonly view?: ViewOptions;
}

export function App({ store, route, view = DEFAULT_VIEW }: AppProps) {
  return (
    <LabStoreContext value={store}>
      <Lab route={route} view={view} />
    </LabStoreContext>
  );
}
