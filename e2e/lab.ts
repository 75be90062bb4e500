/** Helpers that drive the lab the way a person does: by accessible names and data attributes. */
import { expect, type Locator, type Page } from '@playwright/test';

/** A share link carrying `payload` as plain JSON (`v1j`): readable in a test, as the lab accepts it. */
export const jsonLink = (payload: unknown): string =>
  `/#s=v1j:${encodeURIComponent(JSON.stringify(payload))}`;

export const node = (page: Page, id: string): Locator => page.locator(`[data-node-id="${id}"]`);

/** Where a control is drawn; it must be. */
export async function box(
  locator: Locator,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox();
  if (b === null) throw new Error(`${locator.toString()} has no box`);
  return b;
}
export const primary = (page: Page): Locator => page.locator('[data-node-id][data-role="primary"]');
export const button = (page: Page, name: string): Locator => page.getByRole('button', { name, exact: true });
export const metric = (page: Page, name: string): Locator => page.locator(`[data-metric="${name}"]`);
/** The status line (the read-only banner is a status region too, with its own marker). */
export const statusLine = (page: Page): Locator => page.locator('p.status-line[role="status"]');
export const readOnlyBanner = (page: Page): Locator =>
  page.getByRole('status').filter({ hasText: 'read-only' }).and(page.locator('[data-banner]'));

/** Opens the lab paused, so the test decides when time passes. */
export async function openPaused(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.locator('[data-node-id]').first()).toBeVisible();
  const pause = button(page, 'Pause');
  if (await pause.isVisible()) await pause.click();
  await expect(button(page, 'Play')).toBeVisible();
}

/**
 * Clicks a node to select it, then closes the menu the click opens (so it covers nothing); in the embed,
 * whose details column waits to be asked for, shows the node's details too.
 */
export async function selectNode(page: Page, id: string): Promise<void> {
  // The shape, not the whole node: while the run plays, the node's labels (its lag) change width, so its
  // box is never "stable" for Playwright on a slow machine.
  await node(page, id).locator('.node-shape').click();
  await expect(node(page, id)).toHaveAttribute('aria-pressed', 'true');
  await expect(nodeMenu(page, id)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(nodeMenu(page, id)).toBeHidden();
  const details = page.getByRole('button', { name: 'Details', exact: true, expanded: false });
  if (await details.isVisible()) await details.click();
}

/** The popover menu a node opens in the graph. */
export const nodeMenu = (page: Page, id: string): Locator =>
  page.getByRole('menu', { name: `Actions on ${id}` });

/** Selects `id` and sends a write through the inspector's Write form. */
export async function writeVia(page: Page, id: string, key: string, value: string): Promise<void> {
  await selectNode(page, id);
  const keyField = page.getByLabel('Key', { exact: true });
  if (!(await keyField.isVisible())) await button(page, 'Write').click();
  await keyField.fill(key);
  await page.getByLabel('Value', { exact: true }).fill(value);
  await button(page, 'Send write').click();
}

/** Presses Step until the status line matches `pattern` (time advances one event per press). */
export async function stepUntilStatus(page: Page, pattern: RegExp, maxSteps = 40): Promise<void> {
  for (let i = 0; i < maxSteps; i++) {
    if (pattern.test((await statusLine(page).textContent()) ?? '')) return;
    await button(page, 'Step').click();
  }
  await expect(statusLine(page)).toHaveText(pattern);
}

/** The data table of the selected node has `key` = `value`. */
export async function expectData(page: Page, id: string, key: string, value: string): Promise<void> {
  await selectNode(page, id);
  const table = page.getByRole('table', { name: `Data on ${id}` });
  await expect(table.getByRole('row', { name: `${key} ${value}` })).toBeVisible({ timeout: 10_000 });
}

/** Writes colour on db1 and db2 at the same moment (paused), then steps until they conflict, and a few events more. */
export async function writeConflict(page: Page): Promise<void> {
  await writeVia(page, 'db1', 'colour', 'red');
  await writeVia(page, 'db2', 'colour', 'blue');
  for (let i = 0; i < 40 && (await metric(page, 'conflicts').textContent()) === '0'; i++) {
    await button(page, 'Step').click();
  }
  await expect(metric(page, 'conflicts')).not.toHaveText('0');
  // So the other master meets both versions too.
  for (let i = 0; i < 4; i++) await button(page, 'Step').click();
}
