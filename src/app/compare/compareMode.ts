/**
 * Compare mode's chunk entry (fetched when Compare is first used, so the lab's first frame does not
 * grow): opening a comparison, from the Compare control, a one-click comparison or a link, and the
 * link part that reopens it. Invariant: a bad comparison opens nothing and says why.
 */
// The engine's loader for compare, imported from here rather than its index (entry.ts), which the first frame carries.
import { loadCompare } from '../../engine/compare/load.ts';
import { loadStandbyNames, standbyNamesLoaded } from '../../engine/index.ts';
import { createLab, loadPartsFor, type LabStore } from '../../store/index.ts';
import { startComparison, type Comparison } from '../../store/compare/coordinator.ts';
import { openComparison } from '../../store/compare/open.ts';
import { classicComparison, classicOf } from '../../store/compare/variants.ts';
import { scenarioFor } from '../../store/settings.ts';
import type { Vocabulary } from '../../view/vocabulary.ts';
import type { ExportedSvg } from '../export/exportGraph.ts';
import { decodeRun, encodeRun } from '../share/linkCodec.ts';
import type { ComponentType } from 'react';
import { comparePicture } from './comparePicture.ts';

import { CompareStage, type CompareStageProps } from './CompareStage.tsx';

/** A comparison on screen, and which one-click comparison it is (null: B as the user set it). */
export interface CompareSession {
  readonly comparison: Comparison;
  readonly classic: string | null;
  /** The link part that reopens it (side B's run), after side A's. */
  readonly hash: () => string;
  /** A picture of both graphs and the differences table, from the sides on screen under `root`. */
  readonly picture: (root: HTMLElement, title: string, link: string, words: Vocabulary) => ExportedSvg;
  /** Its view (in this chunk, so the lab shell renders it without a loader of its own). */
  readonly Stage: ComponentType<CompareStageProps>;
}

function session(comparison: Comparison, classic: string | null): CompareSession {
  return {
    comparison,
    classic,
    hash: () => `&b=${encodeRun(comparison.b.getState().actions.currentRun())}`,
    picture: (root, title, link, words) =>
      comparePicture(root, title, link, comparison.figures().differences, words),
    Stage: CompareStage,
  };
}

export type SessionOpened =
  | { readonly ok: true; readonly session: CompareSession }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Opens compare mode on `store` (side A): B as A, or both sides of the one-click comparison `classic`. */
export async function openSession(store: LabStore, classic: string | null = null): Promise<SessionOpened> {
  const kit = await loadCompare();
  const setup = classic === null ? undefined : classicComparison(classic);
  if (classic !== null && setup === undefined)
    return { ok: false, problems: [`there is no comparison named ${JSON.stringify(classic)}`] };
  const opened = openComparison(store, setup ?? {}, kit);
  return opened.ok ? { ok: true, session: session(opened.comparison, classic) } : opened;
}

/** Side B's encoded run in a URL hash, or null. */
export function compareParam(hash: string): string | null {
  const match = /(?:^#?|&)b=([^&]*)/.exec(hash);
  if (match?.[1] === undefined) return null;
  try {
    return decodeURIComponent(match[1].replace(/%2B/gi, '+'));
  } catch {
    return match[1];
  }
}

/** Resolves once `store` has no replay under way. */
function replayed(store: LabStore): Promise<void> {
  return new Promise((resolve) => {
    if (store.getState().replaying === null) {
      resolve();
      return;
    }
    const stop = store.subscribe((state) => {
      if (state.replaying !== null) return;
      stop();
      resolve();
    });
  });
}

/**
 * Reopens a shared comparison: `store` (A) already holds the link's run; B replays its own, checked as any
 * link's run is (size caps, schema, replay), and joins A's clock at A's instant.
 */
export async function openFromLink(store: LabStore, encoded: string): Promise<SessionOpened> {
  const kit = await loadCompare();
  // The run is checked with the parser of synchronous_standby_names (it may name standbys).
  if (!standbyNamesLoaded()) await loadStandbyNames();
  const decoded = decodeRun(encoded);
  if (!decoded.ok) return { ok: false, problems: decoded.problems.map((p) => `B: ${p}`) };
  await loadPartsFor(decoded.value);
  const state = store.getState();
  const b = createLab({
    preset: decoded.value.preset ?? 'master-slave',
    playing: false,
    run: decoded.value,
    theme: state.theme,
    vocabulary: state.vocabulary,
    presenting: state.presenting,
  });
  // A long run replays in slices (either side's): the sides join once both have theirs.
  await Promise.all([replayed(store), replayed(b)]);
  const report = b.getState().loadReport;
  if (report !== null) return { ok: false, problems: report.problems.map((p) => `B: ${p}`) };
  const sides = [state, b.getState()].map((side) => scenarioFor(side.scenario, side.settings));
  const classic = classicOf(sides[0] ?? { nodes: [] }, sides[1] ?? { nodes: [] });
  return { ok: true, session: session(startComparison(store, b, kit), classic) };
}

/** Shows a comparison (null: none) in the lab shell. */
export type ShowSession = (session: CompareSession | null) => void;

/** The comparison on screen: one at a time, whoever opened it (a click, a link). */
let current: CompareSession | null = null;
let linkOpened = false;

/** The comparison on screen, if any (the Share dialog's link, embed and picture carry it). */
export const currentSession = (): CompareSession | null => current;

function show(next: CompareSession | null, setSession: ShowSession): void {
  current?.comparison.close();
  current = next;
  setSession(next);
}

function report(store: LabStore, title: string, problems: readonly string[]): void {
  store.getState().actions.showLoadReport({ title, problems });
}

/** Opens the one-click comparison `classic` (null: B as A) in place of the one on screen. */
export async function pick(store: LabStore, classic: string | null, setSession: ShowSession): Promise<void> {
  show(null, setSession);
  const opened = await openSession(store, classic);
  if (opened.ok) show(opened.session, setSession);
  else report(store, 'The comparison could not be opened.', opened.problems);
}

/** The Compare control: opens B as A, or closes the comparison on screen. */
export async function toggle(store: LabStore, setSession: ShowSession): Promise<void> {
  if (current === null) await pick(store, null, setSession);
  else show(null, setSession);
}

/** Reopens the comparison in the page's link, once. */
export async function fromLink(store: LabStore, setSession: ShowSession): Promise<void> {
  if (linkOpened) return;
  linkOpened = true;
  await fromPastedLink(store, setSession);
}

/** Closes the comparison on screen (a link pasted into the tab is about to replace side A's run). */
export function close(setSession: ShowSession): void {
  if (current !== null) show(null, setSession);
}

/** Opens the comparison in the page's link beside side A, which already holds the link's run. */
export async function fromPastedLink(store: LabStore, setSession: ShowSession): Promise<void> {
  const encoded = compareParam(window.location.hash);
  if (encoded === null) return;
  const opened = await openFromLink(store, encoded);
  if (opened.ok) show(opened.session, setSession);
  else
    report(store, 'The comparison in this link could not be opened; side A opened alone.', opened.problems);
}
