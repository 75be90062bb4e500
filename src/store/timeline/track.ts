/**
 * A track: one simulation and what the lab derives from it as it runs (the charts' recorder, the
 * timeline's markers, its checkpoints). A branch's head is a track with checkpoints; the instant shown
 * while the user looks at the past is a track without them, sought from the head, which plays forward
 * by replaying the head's commands, and becomes a new branch's head when the user acts there.
 */
import type { Command, EngineEvent, Simulation } from '../../engine/index.ts';
import { trackCheckpointsWith, type Checkpoints, type Follower, type SeekOptions } from '../checkpoints.ts';
import { applyCommand, type ReplayHooks } from '../run.ts';
import { SeriesRecorder, advanceRecorded, recordTo } from '../series/series.ts';
import { MARKERS_KEPT, markerOf, type Marker } from './markers.ts';

/** A seek carries the charts along: the checkpoint's recorder, copied, samples the replay from it. */
const FOLLOW_SERIES: Follower<SeriesRecorder, SeriesRecorder> = {
  start: (saved) => saved.clone(),
  advance: (sim, at, recorder) => {
    recordTo(sim, at, recorder);
    recorder.ingest(sim.events());
  },
};

export class Track {
  /** The engine's retained events as of the last `noted()`. */
  private seen: readonly EngineEvent[] = [];
  private lastMarkerSeq = -1;

  private constructor(
    readonly sim: Simulation,
    readonly recorder: SeriesRecorder,
    /** Null for a track sought from a branch (it has its head's). */
    private checkpointsOf: Checkpoints<SeriesRecorder> | null,
    /** The branch's markers, oldest first; a sought track keeps none. */
    private markerList: Marker[],
  ) {
    this.seen = sim.events();
    this.lastMarkerSeq = this.seen.at(-1)?.seq ?? -1;
  }

  /**
   * The head of a new run: `sim` as just created (no command yet), `origin` makes it again. Checkpoints
   * are taken only once `ready()` (the engine's persistence loaded); the first one is `origin`.
   */
  static head(sim: Simulation, origin: () => Simulation, ready: () => boolean): Track {
    const recorder = new SeriesRecorder();
    const checkpoints = trackCheckpointsWith(sim, { attach: () => recorder.clone(), origin, ready });
    return new Track(sim, recorder, checkpoints, []);
  }

  get checkpoints(): Checkpoints<SeriesRecorder> | null {
    return this.checkpointsOf;
  }

  get markers(): readonly Marker[] {
    return this.markerList;
  }

  /** The events as of the last `noted()`, oldest first. */
  get events(): readonly EngineEvent[] {
    return this.seen;
  }

  /** The earliest instant this track's branch can show. */
  start(): number {
    return this.checkpointsOf?.start() ?? 0;
  }

  /** What a replay of a recorded run calls so this track samples, marks and checkpoints it as it goes. */
  replayHooks(): ReplayHooks {
    return {
      nextStop: () => this.recorder.nextSampleAt,
      stopped: () => {
        this.recorder.sample(this.sim.now(), this.sim.nodes(), this.sim.metrics());
      },
      noted: () => {
        this.noted();
      },
    };
  }

  /** Advances by `ms` of simulated time, sampling the charts on the way (the live loop's step). */
  advance(ms: number): void {
    advanceRecorded(this.sim, ms, this.recorder);
    this.noted();
  }

  /**
   * After the simulation moved or took a command: the charts complete their samples, new events become
   * markers, and a checkpoint is taken if one is due.
   */
  noted(): void {
    const events = this.sim.events();
    this.seen = events;
    this.recorder.ingest(events);
    this.recorder.flush();
    if (this.checkpointsOf === null) return;
    let start = events.length;
    while (start > 0 && (events[start - 1]?.seq ?? -1) > this.lastMarkerSeq) start--;
    let added = false;
    for (let i = start; i < events.length; i++) {
      const marker = markerOf(events[i] as EngineEvent);
      if (marker !== null) {
        if (!added) this.markerList = this.markerList.slice(-MARKERS_KEPT + 1);
        added = true;
        this.markerList.push(marker);
      }
    }
    this.lastMarkerSeq = events.at(-1)?.seq ?? this.lastMarkerSeq;
    this.checkpointsOf.note();
  }

  /**
   * This branch as it stood at `t` (from its start to its head's time): a new track, charts included
   * (with `options.maxTasks`, perhaps at an earlier checkpoint's instant: see SeekOptions). Throws a
   * RangeError for a time outside it.
   */
  seek(t: number, options: SeekOptions = {}): Track {
    const checkpoints = this.checkpointsOf;
    if (checkpoints === null) throw new RangeError('seek: only a branch head can seek');
    const { sim, followed } = checkpoints.seekWith(t, FOLLOW_SERIES, options);
    followed.ingest(sim.events());
    followed.flush();
    return new Track(sim, followed, null, []);
  }

  /**
   * Brings this sought track forward to `to` (not past `head`'s time), taking `head`'s commands at their
   * times: what the branch did, shown again.
   */
  follow(head: Track, to: number): void {
    const commands: readonly Command[] = head.sim.commands();
    for (let i = this.sim.commands().length; i < commands.length; i++) {
      const command = commands[i];
      if (command === undefined || command.at > to) break;
      recordTo(this.sim, command.at, this.recorder);
      this.recorder.ingest(this.sim.events());
      applyCommand(this.sim, command);
    }
    recordTo(this.sim, to, this.recorder);
    this.noted();
  }

  /**
   * Makes this sought track the head of a new branch of `from`'s: it inherits `from`'s checkpoints and
   * markers up to its instant and keeps its own from now on. `from` is not changed.
   */
  branchFrom(from: Track): void {
    const checkpoints = from.checkpointsOf;
    if (checkpoints === null) throw new Error('branchFrom: only a branch head has a future to branch from');
    const at = this.sim.now();
    this.checkpointsOf = checkpoints.fork(this.sim);
    this.markerList = from.markerList.filter((m) => m.at <= at);
    this.lastMarkerSeq = this.markerList.at(-1)?.seq ?? -1;
    this.noted();
  }
}
