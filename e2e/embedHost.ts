/** The embed's host page (public/embed-host.html): its frame, its log of the lab's messages, and sending. */
import type { FrameLocator, Locator, Page } from '@playwright/test';

/** The embedded lab, in the host page's frame. */
export const lab = (page: Page): FrameLocator => page.frameLocator('#lab');

/** The host page's log entries of messages of `type` from the lab. */
export const hostLog = (page: Page, type: string): Locator => page.locator(`#log li[data-type="${type}"]`);

/** Sends `message` to the lab through the host page. */
export const send = (page: Page, message: object): Promise<void> =>
  page.evaluate((m) => {
    (window as unknown as { sendToLab: (m: object) => void }).sendToLab(m);
  }, message);
