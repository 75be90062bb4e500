/** UI slice: selection, panels, theme, wording and shortcuts; none of it touches the engine. */
import type { StoreApi } from 'zustand/vanilla';

export type ThemeSetting = 'system' | 'light' | 'dark';
/** Which words the UI uses for the two roles (the code always says primary/replica). */
export type VocabularyName = 'master-slave' | 'primary-replica' | 'leader-follower';

/** A replication link, upstream to downstream. */
export interface LinkRef {
  readonly from: string;
  readonly to: string;
}

/**
 * The part of the run the space-time diagram shows: following the instant shown (its right edge), `span`
 * ms wide, or a fixed window [from, to] in simulated ms.
 */
export type SpaceTimeView =
  | { readonly follow: true; readonly span: number }
  | { readonly follow: false; readonly from: number; readonly to: number };

/** The collapsible panels; each remembers whether it is open. */
export type PanelId =
  'inspector' | 'failover' | 'charts' | 'spacetime' | 'events' | 'lost-writes' | 'conflicts' | 'backups';

export const PANELS_OPEN: Readonly<Record<PanelId, boolean>> = {
  inspector: true,
  failover: true,
  charts: true,
  // Closed until asked for: drawing every message costs frames only for those who look.
  spacetime: false,
  events: true,
  'lost-writes': true,
  conflicts: true,
  backups: true,
};

export interface UiSlice {
  readonly selectedId: string | null;
  /** The client operation picked in the event log or a ledger (its node is selected too). */
  readonly selectedOpId: number | null;
  /** The conflict picked in the ledger: the graph marks the nodes involved. */
  readonly selectedConflictId: number | null;
  /** The message hovered or picked in the space-time diagram: the graph rings it while it is in flight. */
  readonly highlightedMessage: number | null;
  readonly spaceTimeView: SpaceTimeView;
  readonly panelsOpen: Readonly<Record<PanelId, boolean>>;
  readonly selectedLink: LinkRef | null;
  readonly theme: ThemeSetting;
  readonly vocabulary: VocabularyName;
  readonly settingsOpen: boolean;
  readonly shortcutsHelpOpen: boolean;
  /** The topology table (the graph's screen-reader equivalent) is shown in place of the graph. */
  readonly topologyTableShown: boolean;
  /** Single-key shortcuts (Space, →, ?) act only while this is on. */
  readonly shortcutsEnabled: boolean;
  /** Presenter mode: large type, thick strokes, minimal chrome, high contrast. */
  readonly presenting: boolean;
  readonly shareOpen: boolean;
  readonly select: (nodeId: string | null) => void;
  readonly selectConflict: (conflictId: number | null) => void;
  readonly highlightMessage: (messageId: number | null) => void;
  readonly setSpaceTimeView: (view: SpaceTimeView) => void;
  readonly setPanelOpen: (panel: PanelId, open: boolean) => void;
  readonly selectLink: (link: LinkRef | null) => void;
  readonly setTheme: (theme: ThemeSetting) => void;
  readonly cycleTheme: () => void;
  readonly setVocabulary: (vocabulary: VocabularyName) => void;
  readonly setSettingsOpen: (open: boolean) => void;
  readonly setShortcutsHelpOpen: (open: boolean) => void;
  readonly setTopologyTableShown: (shown: boolean) => void;
  readonly setShortcutsEnabled: (enabled: boolean) => void;
  readonly setPresenting: (presenting: boolean) => void;
  readonly setShareOpen: (open: boolean) => void;
}

const NEXT_THEME: Record<ThemeSetting, ThemeSetting> = { system: 'light', light: 'dark', dark: 'system' };

export function createUiSlice(
  set: StoreApi<UiSlice>['setState'],
  initial: {
    theme?: ThemeSetting;
    vocabulary?: VocabularyName;
    panelsOpen?: Partial<Record<PanelId, boolean>>;
    presenting?: boolean;
  } = {},
): UiSlice {
  return {
    selectedId: null,
    selectedOpId: null,
    selectedConflictId: null,
    highlightedMessage: null,
    spaceTimeView: { follow: true, span: 4_000 },
    panelsOpen: { ...PANELS_OPEN, ...initial.panelsOpen },
    selectedLink: null,
    theme: initial.theme ?? 'system',
    vocabulary: initial.vocabulary ?? 'master-slave',
    settingsOpen: false,
    shortcutsHelpOpen: false,
    topologyTableShown: false,
    shortcutsEnabled: true,
    presenting: initial.presenting ?? false,
    shareOpen: false,
    select: (selectedId) => {
      set({ selectedId, selectedLink: null, selectedOpId: null });
    },
    selectConflict: (selectedConflictId) => {
      set({ selectedConflictId });
    },
    highlightMessage: (highlightedMessage) => {
      set({ highlightedMessage });
    },
    setSpaceTimeView: (spaceTimeView) => {
      set({ spaceTimeView });
    },
    setPanelOpen: (panel, open) => {
      set((s) => ({ panelsOpen: { ...s.panelsOpen, [panel]: open } }));
    },
    selectLink: (selectedLink) => {
      set({ selectedLink, selectedId: null, selectedOpId: null });
    },
    setTheme: (theme) => {
      set({ theme });
    },
    cycleTheme: () => {
      set((s) => ({ theme: NEXT_THEME[s.theme] }));
    },
    setVocabulary: (vocabulary) => {
      set({ vocabulary });
    },
    setSettingsOpen: (settingsOpen) => {
      set({ settingsOpen });
    },
    setShortcutsHelpOpen: (shortcutsHelpOpen) => {
      set({ shortcutsHelpOpen });
    },
    setTopologyTableShown: (topologyTableShown) => {
      set({ topologyTableShown });
    },
    setShortcutsEnabled: (shortcutsEnabled) => {
      set({ shortcutsEnabled });
    },
    setPresenting: (presenting) => {
      set({ presenting });
    },
    setShareOpen: (shareOpen) => {
      set({ shareOpen });
    },
  };
}
