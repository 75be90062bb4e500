/** Applies the theme setting to the document: `system` follows prefers-color-scheme via CSS. */
import { useEffect } from 'react';
import type { ThemeSetting } from '../store/index.ts';

export function useTheme(theme: ThemeSetting): void {
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}
