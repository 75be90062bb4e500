/** The Fullscreen API, guarded: inside an iframe without `allow="fullscreen"` it is unavailable. */

export function fullscreenAvailable(): boolean {
  return typeof document !== 'undefined' && document.fullscreenEnabled;
}

/**
 * Enters full screen with `element`, or leaves it. Resolves to a sentence saying why it could not,
 * or null when it worked.
 */
export async function toggleFullscreen(element: HTMLElement): Promise<string | null> {
  if (!fullscreenAvailable()) {
    return 'Full screen is not allowed in this frame: open the lab in a new tab instead.';
  }
  try {
    if (document.fullscreenElement === null) await element.requestFullscreen();
    else await document.exitFullscreen();
    return null;
  } catch (error) {
    return `Full screen failed: ${error instanceof Error ? error.message : String(error)}.`;
  }
}
