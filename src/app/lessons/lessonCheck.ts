/**
 * Checks untrusted lessons (files, links) before the lab plays one: that it is a lesson of a format this
 * build reads, within the caps, plain text (no HTML), naming only nodes its scenario has, and that it
 * plays: every action runs and every condition comes true, played headless on a lab of its own, so the
 * lab on screen keeps what it ran. Every problem is named by its path ("steps[2].actions[0].node: ...").
 */
import {
  loadPresetData,
  loadStandbyNames,
  parseScenario,
  standbyNamesLoaded,
  type Scenario,
  type ScenarioInput,
} from '../../engine/index.ts';
import { MAX_REPLAY_COST, replayCost } from '../../store/replayCost.ts';
import {
  MAX_RUN_MS,
  createLab,
  loadConfigureParts,
  type Checked,
  type RunCommand,
} from '../../store/index.ts';
import { checkScenario, formatPath } from '../../store/runCheck.ts';
import { VOCABULARIES } from '../../view/vocabulary.ts';
import { performAction } from './actions.ts';
import { describeCondition } from './conditions.ts';
import { LESSON_VERSION, STEP_FIELDS_SINCE_2, fieldsSince3, upgradeLesson } from './lessonFormat.ts';
import { lessonSchema } from './lessonSchema.ts';
import { htmlIn } from './markup.ts';
import { OPENING_MS, SETTLE_LIMIT_MS, needsActions, settle, startLesson, stepStart } from './player.ts';
import { resolveScenario } from './scenario.ts';
import type { Lesson, LessonAction, LessonCondition, LessonScenario, LessonStep } from './types.ts';

/** Most characters a lesson file may hold (100 steps at every cap, pretty printed, fit well within). */
export const MAX_LESSON_FILE_CHARS = 1024 * 1024;
/** How deep a lesson's JSON may nest (conditions joined by `all` nest; nothing needs more). */
export const MAX_DEPTH = 16;
/** Problems listed at most: a hostile file must not flood the banner. */
export const MAX_PROBLEMS = 50;
/**
 * The most a lesson may cost to play to its end, in the run check's units (replayCost.ts): a thirtieth of
 * what a link's run may (about 2 s on a slow machine), since a `?step=` link replays its steps at once.
 * The costliest built-in lesson (conflicts) is about a fifth of it.
 */
export const MAX_LESSON_COST = MAX_REPLAY_COST / 30;

type Path = readonly (string | number)[];
const at = (path: Path, problem: string) => `${formatPath(path)}: ${problem}`;

function capped(problems: readonly string[]): string[] {
  if (problems.length <= MAX_PROBLEMS) return [...problems];
  return [...problems.slice(0, MAX_PROBLEMS), `… and ${problems.length - MAX_PROBLEMS} more problems`];
}

/** Every value of `data` with its path, depth first; stops descending past MAX_DEPTH (and says where). */
function walk(data: unknown, visit: (value: unknown, path: Path) => void): string | null {
  const stack: { value: unknown; path: Path }[] = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: Path };
    if (path.length > MAX_DEPTH) return at(path, `nested more than ${MAX_DEPTH} levels deep`);
    visit(value, path);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i] as unknown, path: [...path, i] });
    } else if (typeof value === 'object' && value !== null) {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i] as [string, unknown];
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return null;
}

/** Markup anywhere in the lesson: every string is shown as text, so none may hold HTML. */
function markupProblems(data: unknown): string[] {
  const problems: string[] = [];
  const tooDeep = walk(data, (value, path) => {
    if (typeof value !== 'string') return;
    const tag = htmlIn(value);
    if (tag !== null)
      problems.push(
        at(path, `contains markup (${tag}); lessons are plain text, with *emphasis* and \`code\` only`),
      );
  });
  return tooDeep === null ? problems : [tooDeep];
}

/** Whether `data` is a lesson of a format this build reads; what it is instead when not. */
function formatProblems(data: unknown): string[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return [
      '(root): not a lesson: a lesson is an object with version, id, title, summary, scenario and steps',
    ];
  }
  const record = data as Record<string, unknown>;
  if ('commands' in record || ('nodes' in record && !('steps' in record))) {
    return [
      '(root): not a lesson but a scenario (a run): open it with Import scenario file in the Share dialog',
    ];
  }
  if (!('steps' in record) && !('version' in record)) {
    return ['(root): not a lesson: a lesson has version, id, title, summary, scenario and steps'];
  }
  const { version } = record;
  if (version === undefined)
    return [`version: missing (this lab reads lessons of versions 1 to ${LESSON_VERSION})`];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return [`version: must be a lesson format version (1 to ${LESSON_VERSION})`];
  }
  if (version > LESSON_VERSION) {
    return [
      `version: this lesson was made by a newer Replication Lab (format ${version}); this one reads formats 1 to ${LESSON_VERSION}`,
    ];
  }
  return version < LESSON_VERSION ? olderFieldProblems(record.steps, version) : [];
}

/**
 * Fields of a newer format in an older file: a version 1 file's steps are Next's, so it cannot hold format
 * 2's; a version 2 file cannot hold format 3's panel targets and step conditions.
 */
function olderFieldProblems(steps: unknown, version: number): string[] {
  if (!Array.isArray(steps)) return [];
  const newer = (since: number) =>
    `is new in lesson format ${since}: set "version": ${LESSON_VERSION} (this file says ${version})`;
  return steps.flatMap((step: unknown, s) =>
    typeof step === 'object' && step !== null
      ? [
          ...(version < 2
            ? STEP_FIELDS_SINCE_2.filter((field) => field in step).map((field) =>
                at(['steps', s, field], newer(2)),
              )
            : []),
          ...fieldsSince3(step).map((path) => at(['steps', s, ...path], newer(3))),
        ]
      : [],
  );
}

/** The scenario a lesson (or a step's `load`) starts, checked by the engine, problems under `path`. */
function scenarioOf(scenario: LessonScenario, path: Path): Checked<Scenario> {
  let input: ScenarioInput;
  try {
    input = resolveScenario(scenario);
  } catch {
    return { ok: false, problems: [at([...path, 'overrides'], 'must be an object of scenario fields')] };
  }
  const checked = checkScenario(input, formatPath([...path, 'overrides']));
  return checked.ok ? { ok: true, value: parseScenario(checked.value) } : checked;
}

/** The node ids an action names, each with its path. */
function actionNodes(action: LessonAction): [string, Path][] {
  switch (action.do) {
    case 'write':
    case 'read':
    case 'kill':
    case 'restart':
    case 'promote':
    case 'takeBackup':
    case 'addReplica':
      return [[action.node, ['node']]];
    case 'repoint':
      return [
        [action.node, ['node']],
        [action.upstream, ['upstream']],
      ];
    case 'setLatency':
      return [
        [action.a, ['a']],
        [action.b, ['b']],
      ];
    case 'partition':
      return action.groups.flatMap((group, g) =>
        group.map((id, i): [string, Path] => [id, ['groups', g, i]]),
      );
    default:
      return [];
  }
}

/** The node ids a condition names, each with its path. */
function conditionNodes(condition: LessonCondition, path: Path): [string, Path][] {
  if ('all' in condition) return condition.all.flatMap((c, i) => conditionNodes(c, [...path, 'all', i]));
  return 'node' in condition ? [[condition.node, [...path, 'node']]] : [];
}

/** The node ids a step names (target, actions, condition), each with its path. */
function stepNodes(step: LessonStep, path: Path): [string, Path][] {
  const named: [string, Path][] = [];
  if (step.target !== undefined && 'node' in step.target)
    named.push([step.target.node, [...path, 'target', 'node']]);
  for (const [i, action] of (step.actions ?? []).entries())
    for (const [id, where] of actionNodes(action)) named.push([id, [...path, 'actions', i, ...where]]);
  if (step.condition !== undefined) named.push(...conditionNodes(step.condition, [...path, 'condition']));
  return named;
}

/** The command an action records, for the cost estimate (replayCost.ts). */
function commandOf(action: LessonAction, time: number): RunCommand | null {
  switch (action.do) {
    case 'advance':
    case 'load':
      return null;
    case 'addReplica':
    case 'restoreBackup':
      return { at: time, type: 'addNode', args: [{}] };
    case 'startWorkload':
      return { at: time, type: 'startWorkload', args: [action] };
    case 'configure':
    case 'changeSettings':
      return { at: time, type: 'configure', args: [action.settings] };
    case 'setLatency':
      return { at: time, type: 'setLatency', args: [] };
    default:
      return { at: time, type: action.do, args: [] };
  }
}

/**
 * What the lesson's scenarios are, which nodes each step may name, and what playing it to its end costs:
 * unknown nodes by path, scenarios the engine refuses, and a lesson too long or too costly to play.
 */
function staticCheck(lesson: Lesson): { readonly problems: string[]; readonly cost: number } {
  const problems: string[] = [];
  const first = scenarioOf(lesson.scenario, ['scenario']);
  if (!first.ok) return { problems: [...first.problems], cost: 0 };
  let scenario = first.value;
  /** The nodes the running scenario has; undefined once a step added nodes whose ids the engine picks. */
  let known: Set<string> | undefined = new Set(scenario.nodes.map((n) => n.id));
  let time = OPENING_MS;
  let segment: RunCommand[] =
    lesson.scenario.workload === undefined
      ? []
      : [{ at: 0, type: 'startWorkload', args: [lesson.scenario.workload] }];
  let segmentStart = 0;
  let cost = 0;
  const close = () => {
    cost += replayCost(scenario, segment, time - segmentStart).cost;
  };
  for (const [s, step] of lesson.steps.entries()) {
    const path = ['steps', s];
    for (const [i, action] of (step.actions ?? []).entries()) {
      const where = [...path, 'actions', i];
      if (known !== undefined)
        for (const [id, node] of actionNodes(action))
          if (!known.has(id)) problems.push(at([...where, ...node], unknownNode(id, known)));
      if (action.do === 'advance') time += action.ms;
      else if (action.do === 'load') {
        const next = scenarioOf(action.scenario, [...where, 'scenario']);
        if (!next.ok) {
          problems.push(...next.problems);
          continue;
        }
        close();
        scenario = next.value;
        known = new Set(scenario.nodes.map((n) => n.id));
        segment = [];
        segmentStart = time;
      } else {
        const command = commandOf(action, time - segmentStart);
        if (command !== null) segment.push(command);
        if (action.do === 'addReplica' || action.do === 'restoreBackup') known = undefined;
      }
    }
    if (known !== undefined) {
      const others = stepNodes({ ...step, actions: [] }, path);
      for (const [id, where] of others) if (!known.has(id)) problems.push(at(where, unknownNode(id, known)));
    }
    // Waiting for the condition may take up to the player's limit.
    if (step.condition !== undefined) time += SETTLE_LIMIT_MS;
  }
  close();
  const advanced = lesson.steps
    .flatMap((s) => s.actions ?? [])
    .reduce((sum, a) => sum + (a.do === 'advance' ? a.ms : 0), 0);
  if (advanced > MAX_RUN_MS)
    problems.push(
      `steps: lets ${Math.round(advanced / 1000)} s of simulated time pass, more than the ${MAX_RUN_MS / 1000} s (one hour) a lesson may`,
    );
  if (cost > MAX_LESSON_COST)
    problems.push(
      `steps: playing this lesson would take too much work (about ${Math.round(cost).toLocaleString('en-US')} units, at most ${MAX_LESSON_COST.toLocaleString('en-US')}): fewer nodes, a lighter workload or less time`,
    );
  return { problems, cost };
}

/** An upper bound on the work of playing `lesson` to its end, in the run check's units (replayCost.ts). */
export function lessonCost(lesson: Lesson): number {
  return staticCheck(lesson).cost;
}

function unknownNode(id: string, known: ReadonlySet<string>): string {
  return `unknown node "${id}" (its scenario has ${[...known].join(', ')})`;
}

/** Lets the page breathe between steps of a long check. */
const breathe = () =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, 0);
  });

/**
 * Plays the lesson to its end on a lab of its own, as Next would: every action must run and every
 * condition must come true. Problems by path.
 */
async function playProblems(lesson: Lesson): Promise<string[]> {
  const lab = createLab({ preset: lesson.scenario.preset, playing: false });
  const problems: string[] = [];
  if (!startLesson(lab, lesson)) return [at(['scenario'], lab.getState().error ?? 'the engine refused it')];
  const words = VOCABULARIES['primary-replica'];
  for (const [s, step] of lesson.steps.entries()) {
    if (s % 5 === 4) await breathe();
    const start = stepStart(lab);
    if (needsActions(lab, step, start)) {
      for (const [i, action] of (step.actions ?? []).entries()) {
        const state = () => lab.getState();
        if (!performAction(action, state().actions, state))
          problems.push(
            at(['steps', s, 'actions', i], `cannot run: ${state().error ?? 'the lab refused it'}`),
          );
      }
    }
    if (step.condition !== undefined && !settle(lab, step, start))
      problems.push(
        at(
          ['steps', s, 'condition'],
          `never holds after the step's actions (waited ${SETTLE_LIMIT_MS / 1000} s of simulated time for ${describeCondition(step.condition, words)})`,
        ),
      );
    if (problems.length > MAX_PROBLEMS) break;
  }
  lab.getState().actions.pause();
  return problems;
}

/**
 * Loads what playing the lesson needs that the lab's first frame leaves out: the data of the presets its
 * scenarios start from, and the engine's `configure` when a step changes settings in the run (so the
 * change happens at its instant, not once its code arrives).
 */
export function loadLessonParts(lesson: Lesson): Promise<unknown> {
  const actions = lesson.steps.flatMap((step) => step.actions ?? []);
  const loads = actions.filter((action) => action.do === 'load');
  const scenarios = [lesson.scenario, ...loads.map((load) => load.scenario)];
  const configure = actions.some((action) => action.do === 'changeSettings') ? loadConfigureParts() : null;
  const standbyNames = standbyNamesLoaded() ? null : loadStandbyNames();
  return Promise.all([...scenarios.flatMap((s) => loadPresetData(s.preset) ?? []), configure, standbyNames]);
}

/**
 * Checks untrusted data as a lesson (see the module's header). The lab on screen is never touched: the
 * lesson plays on a lab of its own.
 */
export async function checkLesson(data: unknown): Promise<Checked<Lesson>> {
  const format = formatProblems(data);
  if (format.length > 0) return { ok: false, problems: capped(format) };
  const markup = markupProblems(data);
  if (markup.some((p) => p.includes('levels deep'))) return { ok: false, problems: markup };
  const content = { ...(data as Record<string, unknown>) };
  delete content.version;
  const parsed = lessonSchema.safeParse(content);
  if (!parsed.success || markup.length > 0) {
    // A list over its cap first: it explains the problems of its items past the cap.
    const capFirst = (issue: object) =>
      'params' in issue && (issue.params as { cap?: unknown } | undefined)?.cap === true ? 0 : 1;
    const shape = parsed.success
      ? []
      : [...parsed.error.issues]
          .sort((a, b) => capFirst(a) - capFirst(b))
          .map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
    return { ok: false, problems: capped([...markup, ...shape]) };
  }
  const lesson = upgradeLesson(parsed.data, (data as { version: number }).version);
  await loadLessonParts(lesson);
  const fixed = staticCheck(lesson).problems;
  if (fixed.length > 0) return { ok: false, problems: capped(fixed) };
  const played = await playProblems(lesson);
  return played.length > 0 ? { ok: false, problems: capped(played) } : { ok: true, value: lesson };
}

/** Reads a lesson file's text: its size, its JSON, then checkLesson. */
export async function parseLessonFile(text: string): Promise<Checked<Lesson>> {
  if (text.length > MAX_LESSON_FILE_CHARS) {
    return {
      ok: false,
      problems: [
        `file: ${text.length.toLocaleString('en-US')} characters, more than the ${MAX_LESSON_FILE_CHARS.toLocaleString('en-US')} a lesson file may hold`,
      ],
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problems: ['file: not valid JSON'] };
  }
  return checkLesson(data);
}
