/**
 * The collapsible Settings panel. Its body is a separate chunk, fetched when the browser is idle after
 * the first frame, so the first frame does not wait for it and opening it shows no empty flash.
 */
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { loadConfigureParts, useLabStore } from '../../../store/index.ts';
import { whenIdle } from '../../whenIdle.ts';

// The engine's `configure` (settings changed in a run) comes with the body: once it shows, a change applies at once.
const loadBody = () =>
  Promise.all([import('./SettingsBody.tsx'), loadConfigureParts()]).then(([body]) => body);
const SettingsBody = lazy(() => loadBody().then((m) => ({ default: m.SettingsBody })));

/** `children` go first (the embed puts its Topology picker here). */
export function SettingsPanel({ children }: { readonly children?: ReactNode }) {
  const open = useLabStore((s) => s.settingsOpen);
  useEffect(() => whenIdle(loadBody), []);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <SettingsBody>{children}</SettingsBody>
    </Suspense>
  );
}
