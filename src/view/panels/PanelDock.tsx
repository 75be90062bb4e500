/**
 * Where the space-time diagram and the charts (and, in the embed, the event log) live: below the graph in
 * the full lab; in the 640×400 embed, behind a "Charts and events" toggle that lays them over the graph. The announcer
 * is always mounted, so screen readers hear events whether or not the log is shown.
 */
import { SpaceTimePanel } from '../spacetime/SpaceTimePanel.tsx';
import { ChartsPanel } from './charts/ChartsPanel.tsx';
import { EventAnnouncer, EventLog } from './lazyPanels.tsx';

/** The embed's toggle, in the graph's footer beside the legend, so it never covers a node. */
export function DockToggle({ shown, onToggle }: { readonly shown: boolean; readonly onToggle: () => void }) {
  return (
    <button
      type="button"
      className="dock-toggle"
      aria-expanded={shown}
      aria-controls="panel-dock-overlay"
      onClick={onToggle}
    >
      <span className="control-label">{shown ? 'Hide charts and events' : 'Charts and events'}</span>
      <span className="control-short" aria-hidden="true">
        Charts
      </span>
    </button>
  );
}

/** `shown`: in the embed, whether the overlay is open (its toggle is a `DockToggle`). */
export function PanelDock({ compact, shown }: { readonly compact: boolean; readonly shown: boolean }) {
  if (!compact) {
    return (
      <div className="panel-dock">
        <SpaceTimePanel />
        <ChartsPanel />
        <EventAnnouncer />
      </div>
    );
  }
  return (
    <>
      <div id="panel-dock-overlay" className="panel-dock panel-dock--overlay" hidden={!shown}>
        {shown && (
          <>
            <ChartsPanel />
            <SpaceTimePanel />
            <EventLog />
          </>
        )}
      </div>
      <EventAnnouncer />
    </>
  );
}
