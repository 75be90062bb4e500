/**
 * Where the open lesson (or a problem with a lesson link) shows, beside the graph. The panel, the
 * lessons' data and the player are a chunk of their own, loaded when a lesson or a problem opens.
 */
import { useShownOnce } from '../../view/deferred.tsx';
import { LessonPanelPart as Body } from './lessonParts.tsx';
import { useLessonState } from './lessonStore.ts';

export function LessonPanel() {
  // Once shown it stays mounted: closing a lesson gives focus back from there.
  const mounted = useShownOnce(
    useLessonState((s) => s.open !== null || s.problem !== null || s.authoring != null),
  );
  return mounted ? <Body.Component /> : null;
}
