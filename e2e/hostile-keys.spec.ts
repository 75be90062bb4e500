/** Keys and node ids that are names of object members: through the form, a link and the embed, nothing breaks. */
import { expect, test, type Page } from '@playwright/test';
import { button, jsonLink, node, openPaused, selectNode, writeVia } from './lab.ts';

const MEMBER_KEYS = ['constructor', 'toString', '__proto__', 'hasOwnProperty'] as const;

/** The page rendered the lab and no error boundary replaced any part of it. */
async function expectIntact(page: Page, errors: readonly string[]): Promise<void> {
  await expect(page.locator('[data-node-id]').first()).toBeVisible();
  await expect(page.getByText(/could not be loaded/)).toHaveCount(0);
  expect(errors).toEqual([]);
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('member-named keys written from the form replicate and show like any key', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  await openPaused(page);
  for (const key of MEMBER_KEYS) await writeVia(page, 'db1', key, `${key}-value`);
  for (let i = 0; i < 30; i++) await button(page, 'Step').click();
  await selectNode(page, 'db2');
  const table = page.getByRole('table', { name: 'Data on db2' });
  for (const key of MEMBER_KEYS) await expect(table).toContainText(`${key}-value`);
  await expectIntact(page, errors);
});

test('a link with member-named keys and node ids opens, without false conflicts', async ({ page }) => {
  test.setTimeout(60_000);
  const errors = collectErrors(page);
  await page.goto(
    jsonLink({
      v: 1,
      scenario: {
        nodes: [
          { id: 'constructor', role: 'primary' },
          { id: '__proto__', role: 'primary' },
          { id: 'toString', role: 'replica', upstream: 'constructor' },
        ],
        conflictResolution: 'siblings',
      },
      commands: [
        { at: 100, type: 'write', args: ['constructor', 'toString', 'red'] },
        { at: 100, type: 'write', args: ['__proto__', 'valueOf', 'blue'] },
      ],
      time: 3000,
    }),
  );
  await expect(page.locator('[data-node-id]')).toHaveCount(3);
  await expect(page.locator('[data-banner="load-report"]')).toHaveCount(0);
  // Writes to different keys: no conflict anywhere, so no node carries a conflict badge.
  for (const id of ['constructor', '__proto__', 'toString']) {
    await expect(node(page, id)).not.toHaveAttribute('aria-label', /conflict/i);
  }
  await selectNode(page, 'toString');
  const table = page.getByRole('table', { name: 'Data on toString' });
  await expect(table).toContainText('red');
  await expect(table).toContainText('blue');
  await expectIntact(page, errors);
});

test('a link whose concurrent writes to a member-named key keep siblings shows both', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(
    jsonLink({
      v: 1,
      scenario: {
        nodes: [
          { id: 'db1', role: 'primary' },
          { id: 'db2', role: 'primary' },
        ],
        conflictResolution: 'siblings',
      },
      commands: [
        { at: 500, type: 'write', args: ['db1', 'constructor', 'red'] },
        { at: 500, type: 'write', args: ['db2', 'constructor', 'blue'] },
        { at: 1000, type: 'write', args: ['db1', 'toString', 'plain'] },
      ],
      time: 3000,
    }),
  );
  await openPausedAlready(page);
  await selectNode(page, 'db1');
  const table = page.getByRole('table', { name: 'Data on db1' });
  await expect(table).toContainText('blue | red');
  await expect(table).toContainText('plain');
  await expectIntact(page, errors);
});

/** A link opens paused: wait for the graph only. */
async function openPausedAlready(page: Page): Promise<void> {
  await expect(page.locator('[data-node-id]').first()).toBeVisible();
}

test('the embed takes an inject-write of a member-named key', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/embed-host.html');
  const log = page.locator('#log li[data-type="ready"]');
  await expect(log).toHaveCount(1, { timeout: 20_000 });
  const frame = page.frameLocator('#lab');
  const frameErrors: string[] = [];
  page.on('pageerror', (error) => frameErrors.push(error.message));
  for (const key of MEMBER_KEYS) {
    await page.evaluate((k) => {
      (window as unknown as { sendToLab: (m: object) => void }).sendToLab({
        type: 'inject-write',
        key: k,
        value: 'v',
      });
    }, key);
  }
  await expect(frame.locator('[data-node-id]')).toHaveCount(3);
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Step' }).click();
  await frame.locator('[data-node-id="db1"]').click();
  await page.keyboard.press('Escape');
  await frame.getByRole('button', { name: 'Details', exact: true }).click();
  const table = frame.getByRole('table', { name: 'Data on db1' });
  for (const key of MEMBER_KEYS) await expect(table).toContainText(key);
  await expect(frame.getByText(/could not be loaded/)).toHaveCount(0);
  expect(frameErrors).toEqual([]);
});

test('a scenario file with member-named node ids and keys imports and shows its data', async ({ page }) => {
  test.setTimeout(60_000);
  const errors = collectErrors(page);
  await openPaused(page);
  await button(page, 'Share').click();
  const dialog = page.getByRole('dialog', { name: 'Share this run' });
  await dialog.getByLabel('Import scenario file').setInputFiles({
    name: 'members.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        v: 1,
        scenario: {
          nodes: [
            { id: 'hasOwnProperty', role: 'primary' },
            { id: 'valueOf', role: 'replica', upstream: 'hasOwnProperty' },
          ],
        },
        commands: MEMBER_KEYS.map((key, i) => ({
          at: 10 * i,
          type: 'write',
          args: ['hasOwnProperty', key, `f${i}`],
        })),
        time: 2000,
      }),
    ),
  });
  await expect(dialog.getByText('Loaded members.json.')).toBeVisible();
  await page.keyboard.press('Escape');
  await selectNode(page, 'valueOf');
  const table = page.getByRole('table', { name: 'Data on valueOf' });
  for (const [i, key] of MEMBER_KEYS.entries()) {
    await expect(table).toContainText(key);
    await expect(table).toContainText(`f${i}`);
  }
  await expectIntact(page, errors);
});
