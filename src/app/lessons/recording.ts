/**
 * Recording a lesson on a lab: Record starts the lab's scenario over (paused, opened as a lesson opens),
 * Stop turns what was done since into a lesson for the editor (record.ts makes the steps). Everything
 * the author does goes through the lab's actions, so the lab's command log is the recording.
 */
import type { LabStore, RunCommand } from '../../store/index.ts';
import { workloadRuns } from '../../store/settings.ts';
import type { LessonStore, Recording } from './lessonStore.ts';
import { OPENING_MS } from './player.ts';
import { durationText, lessonScenario, recordSteps, recordedLesson } from './record.ts';

/**
 * Starts recording: any open lesson is left (to resume later), the lab's scenario starts over paused and
 * runs its opening second, as a lesson's does, so the lesson starts where the recording did.
 */
export function startRecording(lab: LabStore, store: LessonStore): void {
  const { open } = store.getState();
  if (open !== null) store.setState({ open: null, left: open });
  const { actions } = lab.getState();
  actions.pause();
  actions.reset();
  actions.tick(OPENING_MS);
  const state = lab.getState();
  const sim = actions.readShown((s) => s);
  const run = actions.currentRun();
  const recording: Recording = {
    sim,
    startCount: sim.commands().length,
    startTime: sim.now(),
    preset: run.preset ?? state.presetName,
    scenario: run.scenario,
    workload: workloadRuns(state.settings.workload) ? state.settings.workload : null,
  };
  store.setState({ authoring: { kind: 'recording', recording } });
}

/**
 * Whether the lab started over since `recording` began (Reset, another preset, a link, a setting that
 * starts the run over): its run is then no longer the recording's simulation nor a branch forked from it.
 */
export function startedOver(lab: LabStore, recording: Recording): boolean {
  const state = lab.getState();
  if (state.actions.readShown((s) => s) === recording.sim) return false;
  // A fork keeps the recording's commands up to where it forked; starting over leaves one branch.
  if (state.timeline.branches.length > 1) return false;
  const run = state.actions.currentRun();
  return run.commands.length !== recording.sim.commands().length || run.time !== recording.sim.now();
}

/** The commands and end of what was recorded, and a note when the lab started over meanwhile. */
function recordedRun(lab: LabStore, recording: Recording) {
  if (startedOver(lab, recording)) {
    const { sim } = recording;
    return {
      commands: sim.commands() as readonly RunCommand[],
      time: sim.now(),
      note: `The lab started over at ${durationText(sim.now())} (Reset, another preset or a setting that starts the run over): the lesson holds what was done before that.`,
    };
  }
  const run = lab.getState().actions.currentRun();
  return { commands: run.commands, time: run.time, note: null };
}

/** How many steps stopping now would make (for the recording's indicator). */
export function recordedStepCount(lab: LabStore, recording: Recording): number {
  const { commands, time } = recordedRun(lab, recording);
  return recordSteps(commands.slice(recording.startCount), recording.startTime, time).steps.length;
}

/**
 * Stops recording and opens the editor on the lesson made of it; the commands that have no lesson action
 * are named in the editor's notes, never dropped silently.
 */
export function stopRecording(lab: LabStore, store: LessonStore): void {
  const { authoring } = store.getState();
  if (authoring?.kind !== 'recording') return;
  const { recording } = authoring;
  const { commands, time, note } = recordedRun(lab, recording);
  const { steps, unrecorded } = recordSteps(commands.slice(recording.startCount), recording.startTime, time);
  lab.getState().actions.pause();
  const scenario = lessonScenario(recording.preset, recording.scenario, recording.workload);
  const notes = [
    ...(note === null ? [] : [note]),
    ...unrecorded.map(
      (u) => `At ${durationText(u.at)}: ${u.type} is not in the lesson (${u.why}); time still passes there.`,
    ),
  ];
  store.setState({
    authoring: {
      kind: 'editing',
      lesson: recordedLesson(scenario, steps),
      notes,
      previewing: false,
      kept: null,
    },
  });
}
