/** Parts of the lab shell not needed for its first frame: each a chunk of its own (see lazyPanels.tsx). */
import { always, shownWhen } from '../view/panels/lazyPanels.tsx';

/** A long replay's progress and Cancel, while one is under way. */
export const ReplayBanner = shownWhen(
  () => import('./share/ReplayBanner.tsx').then((m) => m.ReplayBanner),
  (s) => s.replaying !== null,
);

/** The keyboard shortcuts' dialog (closed until `?`). */
export const ShortcutsDialog = shownWhen(
  () => import('./ShortcutsDialog.tsx').then((m) => m.ShortcutsDialog),
  always,
);

/** What was wrong with a link, file or host message, while there is a report to show. */
export const LoadReportBanner = shownWhen(
  () => import('./share/LoadReportBanner.tsx').then((m) => m.LoadReportBanner),
  (s) => s.loadReport !== null,
);

/** Offline support and the "Reload for the new version" prompt (the built full lab only; never the embed). */
export const OfflineUpdates = shownWhen(
  () => import('./offline/UpdateBanner.tsx').then((m) => m.UpdateBanner),
  always,
);
