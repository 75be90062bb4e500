/** Entry: picks the route from the path, reads the link (query and hash), creates the lab and renders it. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { LAB_BASE } from './app/labBase.ts';
import { labOptionsFor, routeFromPath } from './app/route.ts';
import { linkReport, runParam } from './app/share/linkHash.ts';
import { DEFAULT_VIEW } from './app/share/defaultView.ts';
import { loadFailover, loadMultiPrimary, loadStandbyNames } from './engine/index.ts';
import { createLab, loadPartsForLab } from './store/index.ts';
import { whenIdle } from './view/whenIdle.ts';

/**
 * Not top-level await: the chunks imported here import this one back, and would wait forever for a
 * module still suspended in its own evaluation.
 */
async function start(): Promise<void> {
  // The parser of synchronous_standby_names is a chunk of its own, fetched at once beside the first frame;
  // a link's run is checked with it (it may name standbys), and so is a first scenario that names them.
  const standbyNames = loadStandbyNames().catch(() => undefined);
  const route = routeFromPath(window.location.pathname, LAB_BASE);
  // The lessons, the view options' parser and the link decoder are chunks of their own, fetched only
  // when the link has a query or names them.
  const { search } = window.location;
  const lessonIds = new URLSearchParams(search).has('lesson')
    ? (await import('./app/lessons/lessonIds.ts')).LESSON_IDS
    : [];
  const { options: view, problems: viewProblems } =
    search.length > 1
      ? (await import('./app/share/viewOptions.ts')).parseViewOptions(search, lessonIds)
      : { options: DEFAULT_VIEW, problems: [] };
  const encoded = runParam(window.location.hash);
  // A bad link opens the default scenario, with its problems listed in a banner: never a blank page.
  const decoded =
    encoded === null
      ? null
      : (await Promise.all([import('./app/share/linkCodec.ts'), standbyNames]))[0].decodeRun(encoded);
  const report = linkReport(decoded, viewProblems);
  const options = {
    ...labOptionsFor(route, view, encoded !== null),
    ...(decoded?.ok === true ? { run: decoded.value } : {}),
    ...(report === null ? {} : { report }),
  };
  // Automatic failover, multi-primary groups and settings changed in a run are engine parts of their own,
  // fetched first only when the first simulation needs them (the first two when the browser is idle otherwise).
  await loadPartsForLab(options);
  const store = createLab(options);
  whenIdle(() => Promise.all([loadFailover(), loadMultiPrimary()]).catch(() => undefined));
  if (view.table) store.getState().setTopologyTableShown(true);
  const container = document.getElementById('root');
  if (container === null) throw new Error('index.html must contain <div id="root">');

  createRoot(container).render(
    <StrictMode>
      <App store={store} route={route} view={view} />
    </StrictMode>,
  );
}

void start();
