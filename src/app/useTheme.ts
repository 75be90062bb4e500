/**
 * Applies the theme setting to the document (`system` follows prefers-color-scheme via CSS), and
 * presenter mode, whose page background is the high-contrast one.
 */
import { useEffect } from 'react';
import type { ThemeSetting } from '../store/index.ts';

export function useTheme(theme: ThemeSetting, presenting = false): void {
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    const root = document.documentElement;
    if (presenting) root.dataset.present = '';
    else delete root.dataset.present;
  }, [presenting]);
}
