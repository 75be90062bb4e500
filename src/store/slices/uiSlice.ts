/** UI slice: selection, theme and wording; none of it touches the engine. */
import type { StoreApi } from 'zustand/vanilla';

export type ThemeSetting = 'system' | 'light' | 'dark';
/** Which words the UI uses for the two roles (the code always says primary/replica). */
export type VocabularyName = 'master-slave' | 'primary-replica' | 'leader-follower';

export interface UiSlice {
  readonly selectedId: string | null;
  readonly theme: ThemeSetting;
  readonly vocabulary: VocabularyName;
  readonly select: (nodeId: string | null) => void;
  readonly setTheme: (theme: ThemeSetting) => void;
  readonly cycleTheme: () => void;
  readonly setVocabulary: (vocabulary: VocabularyName) => void;
}

const NEXT_THEME: Record<ThemeSetting, ThemeSetting> = { system: 'light', light: 'dark', dark: 'system' };

export function createUiSlice(
  set: StoreApi<UiSlice>['setState'],
  initial: { theme?: ThemeSetting; vocabulary?: VocabularyName } = {},
): UiSlice {
  return {
    selectedId: null,
    theme: initial.theme ?? 'system',
    vocabulary: initial.vocabulary ?? 'master-slave',
    select: (selectedId) => {
      set({ selectedId });
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
  };
}
