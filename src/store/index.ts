/** The store's public surface for the view and the app. */
export { createLab, loadPartsForLab } from './connectEngine.ts';
export { LabPaceContext, LabStoreContext, useLabActions, useLabStore, useLabStoreApi } from './context.ts';
export { PANEL_INTERVAL_MS, pacedSubscribe, type Subscribe } from './paced.ts';
export type { LabActions, LabOptions, LabState, LabStore, NodeCommands, SpaceTimeData } from './labStore.ts';
export { PRESET_NAMES, isPresetName, presetTitle, type PresetName } from './presetName.ts';
export type { LabSettings, SettingsPatch } from './settings.ts';
export {
  timelineEnd,
  type BranchView,
  type LoadReport,
  type OpReach,
  type StatusMessage,
  type StatusTone,
  type TimelineView,
} from './slices/engineSlice.ts';
export {
  MARKER_KINDS,
  formatSeconds,
  markerLabel,
  type Marker,
  type MarkerKind,
} from './timeline/markers.ts';
export { loadConfigureParts, loadSettingWords } from './timeline/settingWords.ts';
export { MAX_SPEED, MIN_SPEED } from './slices/playbackSlice.ts';
export type { LinkRef, PanelId, SpaceTimeView, ThemeSetting, VocabularyName } from './slices/uiSlice.ts';
export { currentPrimary, subtree, upstreamCandidates } from './topology.ts';
export { resolverFor, type NodeConflicts } from './conflicts.ts';
export {
  BUCKET_MS,
  LATENCY_WINDOW_MS,
  THROUGHPUT_WINDOW_MS,
  WINDOW_MS,
  type CounterName,
  type CounterPoint,
  type LagSeries,
  type LatencyPoint,
  type NodeThroughput,
  type Series,
} from './series/series.ts';
export {
  MAX_COMMANDS,
  MAX_RUN_MS,
  loadPartsFor,
  type Checked,
  type RunCommand,
  type RunRecord,
} from './run.ts';
// Checking untrusted runs (validateRun, checkScenario, formatPath) has a door of its own, runCheck.ts,
// so its schemas load with links, files and the embed, not with the first frame.
