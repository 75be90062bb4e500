import { expect, test, type Page } from '@playwright/test';
import { expectNoModerateViolations } from './axe.ts';
import { button, openPaused, selectNode, writeConflict } from './lab.ts';

type Scheme = 'light' | 'dark';
type Situation =
  | 'at rest'
  | 'with a node selected'
  | 'with Settings open'
  | 'with the topology table shown'
  | 'with charts, tables and the event log shown'
  | 'with a conflict and its siblings in the ledger'
  | 'presenting'
  | 'with a lesson open';

const SITUATIONS: Record<Situation, (page: Page) => Promise<void>> = {
  'at rest': async () => {},
  'with a node selected': async (page) => {
    await selectNode(page, 'db2');
    await expect(page.locator('[data-node-details="db2"]')).toBeVisible();
  },
  'with Settings open': async (page) => {
    await button(page, 'Settings').click();
    await expect(page.locator('#settings-panel')).toBeVisible();
  },
  'with charts, tables and the event log shown': async (page) => {
    const toggle = page.getByRole('button', { name: 'Charts and events' });
    if (await toggle.isVisible()) await toggle.click();
    await page
      .getByRole('button', { name: /as a table$/ })
      .first()
      .click();
    await expect(page.getByRole('region', { name: /Event log/ })).toBeVisible();
  },
  'with a conflict and its siblings in the ledger': async (page) => {
    // Settings, two writes and a dozen steps before the scan: slow on a loaded two-core machine.
    test.setTimeout(120_000);
    await openPaused(page, `${new URL(page.url()).pathname}?preset=master-master&autoplay=0`);
    await button(page, 'Settings').click();
    await page.getByRole('combobox', { name: 'Conflict resolution', exact: true }).selectOption('siblings');
    await button(page, 'Close settings').click();
    await writeConflict(page);
    const ledger = page.getByRole('region', { name: /^Conflicts/ });
    await ledger.getByRole('button', { name: /^Show conflict #1/ }).click();
    await expect(ledger.getByRole('form', { name: /Resolve the siblings/ }).first()).toBeVisible();
  },
  'with the topology table shown': async (page) => {
    await button(page, 'Topology table').click();
    await expect(page.getByRole('table', { name: 'Topology' })).toBeVisible();
  },
  presenting: async (page) => {
    await page.keyboard.press('Shift+P');
    await expect(page.locator('.lab--present')).toBeVisible();
  },
  'with a lesson open': async (page) => {
    await button(page, 'Lessons').click();
    await page.getByRole('group', { name: 'Lessons' }).getByRole('button').first().click();
    await expect(page.locator('.lesson-panel')).toBeVisible();
  },
};

for (const path of ['/', '/embed']) {
  for (const colorScheme of ['light', 'dark'] as const satisfies readonly Scheme[]) {
    test.describe(`accessibility of ${path} in ${colorScheme}`, () => {
      for (const [situation, arrange] of Object.entries(SITUATIONS)) {
        test(`has no moderate or worse violations ${situation}`, async ({ page }) => {
          // An axe scan of the full lab (charts and event log included) takes 5–10 s on a loaded 2-core box.
          test.setTimeout(60_000);
          if (path === '/embed') await page.setViewportSize({ width: 640, height: 400 });
          await page.emulateMedia({ colorScheme });
          await openPaused(page, path);
          await arrange(page);
          await expectNoModerateViolations(page, `on ${path} in ${colorScheme} ${situation}`);
        });
      }
    });
  }
}

for (const colorScheme of ['light', 'dark'] as const satisfies readonly Scheme[]) {
  test(`/ at 640×400 in ${colorScheme} has no moderate or worse violations with More open and the whole caption`, async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await page.setViewportSize({ width: 640, height: 400 });
    await page.emulateMedia({ colorScheme });
    await openPaused(page, '/');
    await button(page, 'Whole caption').click();
    await button(page, 'More').click();
    await expect(page.getByRole('group', { name: 'More controls' })).toBeVisible();
    await expectNoModerateViolations(page, `on / at 640×400 in ${colorScheme} with More open`);
  });
}

for (const [path, width, height] of [
  ['/', 320, 568],
  ['/embed', 360, 300],
] as const) {
  for (const colorScheme of ['light', 'dark'] as const satisfies readonly Scheme[]) {
    test(`${path} at ${width}×${height} in ${colorScheme} has no moderate or worse violations with its icons, More and the legend open`, async ({
      page,
    }) => {
      test.setTimeout(60_000);
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme });
      await openPaused(page, path);
      await page.getByRole('button', { name: /^Legend/ }).click();
      await expect(page.locator('#graph-key')).toBeVisible();
      await expectNoModerateViolations(
        page,
        `on ${path} at ${width}×${height} in ${colorScheme} with the legend`,
      );
      await button(page, 'More').click();
      await expect(page.getByRole('group', { name: 'More controls' })).toBeVisible();
      await expectNoModerateViolations(
        page,
        `on ${path} at ${width}×${height} in ${colorScheme} with More open`,
      );
    });
  }
}
