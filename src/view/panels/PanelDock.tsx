/**
 * Where the charts (and, in the embed, the event log) live: below the graph in the full lab; in the
 * 640×400 embed, behind a "Charts and events" toggle that lays them over the graph. The announcer
 * is always mounted, so screen readers hear events whether or not the log is shown.
 */
import { useState } from 'react';
import { ChartsPanel } from './charts/ChartsPanel.tsx';
import { EventAnnouncer } from './EventAnnouncer.tsx';
import { EventLog } from './lazyPanels.tsx';

export function PanelDock({ compact }: { readonly compact: boolean }) {
  const [shown, setShown] = useState(false);
  if (!compact) {
    return (
      <div className="panel-dock">
        <ChartsPanel />
        <EventAnnouncer />
      </div>
    );
  }
  return (
    <>
      <button
        type="button"
        className="dock-toggle"
        aria-expanded={shown}
        aria-controls="panel-dock-overlay"
        onClick={() => {
          setShown(!shown);
        }}
      >
        {shown ? 'Hide charts and events' : 'Charts and events'}
      </button>
      <div id="panel-dock-overlay" className="panel-dock panel-dock--overlay" hidden={!shown}>
        {shown && (
          <>
            <ChartsPanel />
            <EventLog />
          </>
        )}
      </div>
      <EventAnnouncer />
    </>
  );
}
