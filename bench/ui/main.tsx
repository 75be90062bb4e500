/**
 * The UI benchmark's page: the real App, built like the app, on a lab grown to `nodes` nodes with a
 * background workload (`writes` per second) and a slow network (`latency` ms), so that many messages are
 * in flight. It exposes the store as `window.__lab` so bench/ui.bench.ts can count them. `panels=closed`
 * collapses every panel; otherwise all are open and db2 is selected, so the inspector shows its data;
 * `spacetime=1` opens the space-time diagram as well (it is closed by default).
 * `lab=default` is the lab the app's `/` opens instead (its preset, workload and network, panels as the
 * app has them), for bench/scrub.bench.ts.
 */
import { createRoot } from 'react-dom/client';
import { App } from '../../src/app/App.tsx';
import { labOptionsFor } from '../../src/app/route.ts';
import { createLab, type LabStore, type PanelId } from '../../src/store/index.ts';

const params = new URLSearchParams(window.location.search);
const number = (name: string, fallback: number) => Number(params.get(name) ?? fallback);

/** The lab `/` of the app opens (`?lab=default`), or the grown one. */
const appDefault = params.get('lab') === 'default';
const store = appDefault
  ? createLab(labOptionsFor('lab'))
  : createLab({
      preset: 'master-slave',
      playing: true,
      workload: { writesPerSec: number('writes', 5), readsPerSec: 0, keys: 100, readRouting: 'replicas' },
      network: { latencyMs: number('latency', 1000), jitterMs: 50 },
    });
// Grow to `nodes`: new replicas of the master, then of the first replicas (a two-level tree).
const wanted = appDefault ? 0 : number('nodes', 30);
for (let i = 0; store.getState().snapshot.nodes.length < wanted; i++) {
  const nodes = store.getState().snapshot.nodes;
  const upstream = i < 12 ? 'db1' : (nodes[1 + (i % 6)]?.id ?? 'db1');
  store.getState().actions.addReplica(upstream);
}
const state = store.getState();
if (params.get('panels') === 'closed') {
  for (const panel of Object.keys(state.panelsOpen) as PanelId[]) state.setPanelOpen(panel, false);
} else if (!appDefault) {
  state.select('db2');
}
// `spacetime=1`: the space-time diagram open too, following the run over a five-second window.
if (params.get('spacetime') === '1') {
  state.setPanelOpen('spacetime', true);
  state.setSpaceTimeView({ follow: true, span: 5000 });
}
(window as unknown as { __lab: LabStore }).__lab = store;

const container = document.getElementById('root');
if (container === null) throw new Error('missing #root');
createRoot(container).render(<App store={store} route="lab" />);
