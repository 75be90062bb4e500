/** The one lab store: engine, playback and UI slices plus the actions that drive the engine. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { WorkloadOptions } from '../engine/index.ts';
import type { PresetName } from './presetName.ts';
import { createEngineSlice, type EngineSlice } from './slices/engineSlice.ts';
import { createPlaybackSlice, type PlaybackSlice } from './slices/playbackSlice.ts';
import { createUiSlice, type ThemeSetting, type UiSlice, type VocabularyName } from './slices/uiSlice.ts';

/** Everything the view may ask of the engine. Only connectEngine.ts implements these. */
export interface LabActions {
  /** Advances simulated time by `simMs` (the animation loop calls this every frame while playing). */
  readonly tick: (simMs: number) => void;
  readonly play: () => void;
  readonly pause: () => void;
  readonly togglePlay: () => void;
  readonly setSpeed: (speed: number) => void;
  /** Pauses and runs the simulation up to its next pending event. */
  readonly stepToNextEvent: () => void;
  /** Starts the current preset over, with the same workload. */
  readonly reset: () => void;
  readonly loadPreset: (name: PresetName) => void;
  readonly write: (nodeId: string, key: string, value: string) => void;
  /** Writes the next numbered key (user1 = hello1...; the workload uses k0–k9) to `nodeId`, or to the first primary that is up. */
  readonly writeNext: (nodeId?: string) => void;
  /** Reads `key` (default: the last key the user wrote) on `nodeId`. */
  readonly read: (nodeId: string, key?: string) => void;
  readonly kill: (nodeId: string) => void;
  readonly restart: (nodeId: string) => void;
  readonly promote: (nodeId: string) => void;
  readonly dismissStatus: () => void;
}

export type LabState = EngineSlice & PlaybackSlice & UiSlice & { readonly actions: LabActions };
export type LabStore = StoreApi<LabState>;

/** How a lab starts: which preset, whether it plays, and the background workload. */
export interface LabOptions {
  readonly preset: PresetName;
  readonly playing: boolean;
  readonly speed?: number;
  readonly workload?: Partial<WorkloadOptions>;
  readonly theme?: ThemeSetting;
  readonly vocabulary?: VocabularyName;
}

/** Builds the store from its slices; `makeActions` closes over the engine (see connectEngine). */
export function createLabStore(
  engine: Omit<EngineSlice, 'error' | 'status'>,
  options: LabOptions,
  makeActions: (set: LabStore['setState'], get: LabStore['getState']) => LabActions,
): LabStore {
  return createStore<LabState>()((set, get) => ({
    ...createEngineSlice(engine),
    ...createPlaybackSlice({
      playing: options.playing,
      ...(options.speed === undefined ? {} : { speed: options.speed }),
      simTime: engine.snapshot.time,
    }),
    ...createUiSlice(set, {
      ...(options.theme === undefined ? {} : { theme: options.theme }),
      ...(options.vocabulary === undefined ? {} : { vocabulary: options.vocabulary }),
    }),
    actions: makeActions(set, get),
  }));
}
