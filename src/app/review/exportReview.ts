/**
 * Export review (the Share dialog): gathers what the lab shows at the instant on screen, from its store (and
 * side B's, in a comparison) and its graph, and builds the review file (reviewHtml.ts). A chunk of its own,
 * fetched when the button is first pressed.
 */
import { loadChecker, type Anomaly, type FailoverView, type OperationRecord } from '../../engine/index.ts';
import type { LabState, LabStore } from '../../store/index.ts';
import { scenarioFor } from '../../store/settings.ts';
import { configureText } from '../../store/timeline/settingText.ts';
import { differencesInWords } from '../../store/compare/variants.ts';
import { metricItems } from '../../view/panels/metricItems.ts';
import { failoverName, failoverThatLost, rpoText, rtoText } from '../../view/panels/text/failoverText.ts';
import {
  STRATEGY_NAMES,
  outcomeText,
  vectorText,
  versionFate,
} from '../../view/panels/conflicts/conflictText.ts';
import { formatSimTime } from '../../view/simTime.ts';
import { VOCABULARIES, translateRoles, type Vocabulary } from '../../view/vocabulary.ts';
import { captionFor } from '../captions.ts';
import { BETTER_TEXT, figureName, figureValue, shownBetter } from '../compare/differenceText.ts';
import type { CompareSession } from '../compare/compareMode.ts';
import { buildSvg, type ExportedSvg } from '../export/exportGraph.ts';
import { reviewCharts } from './reviewCharts.ts';
import {
  reviewHtml,
  type Review,
  type ReviewComparison,
  type ReviewPicture,
  type ReviewSide,
} from './reviewHtml.ts';

/** The graph picture twice, as the lab draws it in its light and in its dark theme. */
function pictures(draw: () => ExportedSvg, alt: string): ReviewPicture {
  const root = document.documentElement;
  const theme = root.dataset.theme;
  // Both in one task: the page is never painted in the other theme, so nothing flashes.
  const drawIn = (scheme: 'light' | 'dark') => {
    root.dataset.theme = scheme;
    return draw();
  };
  let light: ExportedSvg;
  let dark: ExportedSvg;
  try {
    light = drawIn('light');
    dark = drawIn('dark');
  } finally {
    if (theme === undefined) delete root.dataset.theme;
    else root.dataset.theme = theme;
  }
  const url = (svg: ExportedSvg) => `data:image/svg+xml;base64,${base64(new TextEncoder().encode(svg.text))}`;
  return { light: url(light), dark: url(dark), width: light.width, height: light.height, alt };
}

/** `btoa` takes a binary string; one built a chunk at a time (a graph's SVG can pass the argument limit). */
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function managerText(manager: FailoverView | null, words: Vocabulary): string {
  if (manager === null)
    return translateRoles(
      'Failover is manual: a replica becomes primary only when someone promotes it.',
      words,
    );
  const limit =
    manager.maxLagOnFailover === undefined ? '' : `, max lag on failover ${manager.maxLagOnFailover} entries`;
  return translateRoles(
    `Automatic failover (Patroni-style), now ${manager.state}: heartbeat every ${manager.heartbeatMs} ms, ` +
      `timeout ${manager.timeoutMs} ms, fencing ${manager.fencing ? 'on' : 'off'}${limit}.`,
    words,
  );
}

function settingsText(state: LabState): string {
  const { replication, network, failover, conflictResolution } = state.settings;
  const multiPrimary = state.snapshot.replication.multiPrimary;
  const text = configureText({
    replication: {
      mode: replication.mode,
      ...(replication.mode === 'semi-sync' ? { syncCount: replication.syncCount } : {}),
      ...(replication.mode === 'scheduled' ? { intervalMs: replication.intervalMs } : {}),
      ...(replication.mode === 'sync' || replication.mode === 'semi-sync'
        ? { ackOn: replication.ackOn }
        : {}),
    },
    network,
    ...(multiPrimary ? { conflictResolution } : {}),
    failover: failover.mode === 'automatic' ? failover : { mode: failover.mode },
  });
  const running = state.snapshot.workload;
  const load =
    running === null || (running.writesPerSec === 0 && running.readsPerSec === 0)
      ? 'no background workload'
      : `workload ${running.writesPerSec} writes/s and ${running.readsPerSec} reads/s over ${running.keys} keys, reads to ${running.readRouting}`;
  return `${text}, ${load}`;
}

function lostWhy(op: OperationRecord, state: LabState): string {
  const failover = failoverThatLost(op, state.failovers);
  return failover === undefined ? 'discarded by a rewind' : `lost in ${failoverName(failover)}`;
}

async function anomaliesOf(store: LabStore): Promise<readonly Anomaly[] | null> {
  try {
    await loadChecker();
    return store.getState().actions.readShown((sim) => sim.check());
  } catch {
    return null;
  }
}

async function sideOf(
  store: LabStore,
  label: string | null,
  picture: () => ExportedSvg,
): Promise<ReviewSide> {
  const state = store.getState();
  const words = VOCABULARIES[state.vocabulary];
  const caption = `${state.imported ? `${state.scenarioName}. ` : ''}${captionFor(
    { scenario: state.scenario, settings: state.settings, workload: state.snapshot.workload },
    words,
  )}`;
  let drawn: Pick<ReviewSide, 'picture' | 'pictureProblem'>;
  try {
    drawn = {
      picture: pictures(picture, `The graph of ${state.scenarioName} at ${formatSimTime(state.simTime)}`),
    };
  } catch (error) {
    drawn = { picture: null, pictureProblem: error instanceof Error ? error.message : String(error) };
  }
  const anomalies = await anomaliesOf(store);
  const metrics = state.snapshot.metrics;
  return {
    label,
    name: state.scenarioName,
    caption,
    settings: settingsText(state),
    ...drawn,
    metrics: metricItems(metrics, state.snapshot.failover, state.simTime).map((m) => ({
      label: m.label,
      value: m.value,
      alert: m.alert ?? false,
    })),
    charts: reviewCharts(state.series, words),
    failoverManager: managerText(state.snapshot.failover, words),
    failovers: state.failovers.map((f) => ({
      id: f.id,
      oldPrimary: f.oldPrimary,
      newPrimary: f.newPrimary,
      trigger: f.trigger,
      splitBrain: f.splitBrain,
      failedAt: formatSimTime(f.failedAt),
      promotedAt: formatSimTime(f.promotedAt),
      rto: rtoText(f),
      rpo: rpoText(f),
      lostWrites: f.lostWrites,
    })),
    failoverTotal: Math.max(metrics.failovers, state.failovers.length),
    lostWrites: state.lostWrites.map((op) => ({
      id: op.id,
      nodeId: op.nodeId,
      key: op.key,
      value: op.value ?? '',
      acknowledgedAt: op.endedAt === undefined ? '—' : formatSimTime(op.endedAt),
      why: lostWhy(op, state),
    })),
    lostTotal: Math.max(metrics.lostWrites, state.lostWrites.length),
    conflicts: state.conflicts.map((c) => ({
      id: c.id,
      key: c.key,
      at: formatSimTime(c.at),
      strategy: STRATEGY_NAMES[c.strategy],
      versions: c.versions.map((v) => ({
        origin: v.origin,
        value: v.value,
        at: formatSimTime(v.originTime),
        vector: vectorText(v.vv),
        fate: versionFate(c, v),
      })),
      outcome: outcomeText(c),
    })),
    conflictTotal: Math.max(metrics.conflicts, state.conflicts.length),
    anomalies:
      anomalies?.map((a) => ({
        kind: a.kind,
        at: formatSimTime(a.at),
        nodeIds: a.nodeIds,
        explanation: translateRoles(a.explanation, words),
      })) ?? null,
  };
}

function comparisonOf(session: CompareSession, words: Vocabulary): ReviewComparison {
  const { a, b } = session.comparison;
  const [sa, sb] = [a.getState(), b.getState()];
  let inWords: string[];
  try {
    inWords = differencesInWords(
      scenarioFor(sa.scenario, sa.settings),
      scenarioFor(sb.scenario, sb.settings),
    );
  } catch {
    inWords = [];
  }
  return {
    words: inWords.map((w) => translateRoles(w, words)),
    differences: session.comparison.figures().differences.map((d) => ({
      name: figureName(d, words),
      a: figureValue(d, d.a),
      b: figureValue(d, d.b),
      better: BETTER_TEXT[shownBetter(d)],
    })),
  };
}

export interface ReviewRequest {
  /** The lab on screen (its graph, or both sides' in a comparison). */
  readonly root: HTMLElement;
  readonly store: LabStore;
  readonly compare: CompareSession | null;
  readonly title: string;
  readonly shownAt: number;
  readonly link: string;
}

/** The review file's text for the lab (or comparison) on screen. */
export async function buildReview(request: ReviewRequest): Promise<string> {
  const { root, store, compare, link } = request;
  const words = VOCABULARIES[store.getState().vocabulary];
  const heading = (name: string) => `${name} at ${formatSimTime(request.shownAt)}`;
  const sides =
    compare === null
      ? [await sideOf(store, null, () => buildSvg(root, heading(store.getState().scenarioName), link))]
      : await Promise.all(
          (['A', 'B'] as const).map((side) => {
            const sideStore = side === 'A' ? compare.comparison.a : compare.comparison.b;
            return sideOf(sideStore, side, () => {
              const element = root.querySelector<HTMLElement>(`[data-side="${side}"]`);
              if (element === null) throw new Error(`side ${side} is not on screen`);
              return buildSvg(element, `${side}: ${heading(sideStore.getState().scenarioName)}`, link);
            });
          }),
        );
  const review: Review = {
    title: request.title,
    shownAt: formatSimTime(request.shownAt),
    link,
    sides,
    comparison: compare === null ? null : comparisonOf(compare, words),
  };
  return reviewHtml(review);
}
