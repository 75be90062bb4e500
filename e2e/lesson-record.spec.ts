/** Lessons of one's own, authored: record one in the lab, edit it, link it, and play the link elsewhere. */
import { expect, test, type Page } from '@playwright/test';
import { expectNoModerateViolations } from './axe.ts';
import { button, node, nodeMenu, openPaused, writeVia } from './lab.ts';

const lessonsMenu = (page: Page) => page.getByRole('group', { name: 'Lessons' });
const editor = (page: Page) => page.getByRole('region', { name: 'Lesson editor' });
const recordingBar = (page: Page) => page.getByRole('region', { name: 'Recording a lesson' });
const panel = (page: Page) => page.locator('.lesson-panel[role="dialog"]');

async function fromNodeMenu(page: Page, id: string, item: string): Promise<void> {
  await node(page, id).locator('.node-shape').click();
  await nodeMenu(page, id).getByRole('menuitem', { name: item }).click();
}

test('a lesson recorded in the lab (write, kill the master, promote), edited, linked and played', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPaused(page);
  await button(page, 'Lessons').click();
  await lessonsMenu(page).getByRole('button', { name: 'Record a lesson', exact: true }).click();
  await expect(recordingBar(page)).toContainText('Recording: 0 steps');

  await writeVia(page, 'db1', 'balance', '100');
  await expect(recordingBar(page)).toContainText('Recording: 1 step');
  await fromNodeMenu(page, 'db1', 'Kill');
  await expect(node(page, 'db1')).toHaveAttribute('data-status', 'down');
  await fromNodeMenu(page, 'db2', 'Promote');
  await expect(node(page, 'db2')).toHaveAttribute('data-role', 'primary');
  await expect(recordingBar(page)).toContainText('Recording: 3 steps');

  // The Lessons menu offers Stop recording while recording.
  await button(page, 'Lessons').click();
  await lessonsMenu(page).getByRole('button', { name: 'Stop recording', exact: true }).click();
  await expect(editor(page)).toBeVisible();
  await expect(recordingBar(page)).toHaveCount(0);

  const texts = editor(page).getByRole('textbox', { name: /^Text of step \d+$/ });
  await expect(texts).toHaveCount(3);
  await expect(texts.nth(0)).toHaveValue('Write balance = 100 on db1.');
  await expect(texts.nth(1)).toHaveValue('Kill db1.');
  await expect(texts.nth(2)).toHaveValue('Promote db2 to {primary}.');
  await texts.nth(0).fill('Write *balance* = 100 on the {primary}, db1.');
  await editor(page).getByLabel('Title', { exact: true }).fill('Failover by hand');
  await expect(editor(page).getByText('The lesson checker found no problems.')).toBeVisible({
    timeout: 20_000,
  });

  await expectNoModerateViolations(page, 'the lesson editor, light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoModerateViolations(page, 'the lesson editor, dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await editor(page).getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect(editor(page).getByText('Copied.')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\?.*step=1.*#l=v1z:/);
  expect(link).toBe(await editor(page).getByLabel('Lesson link').inputValue());

  const learner = await context.newPage();
  await learner.goto(link);
  await expect(panel(learner)).toBeVisible({ timeout: 20_000 });
  await expect(panel(learner)).toContainText('Failover by hand');
  await expect(panel(learner).locator('em')).toHaveText('balance');
  await expect(panel(learner)).toContainText('on the master, db1.');
  for (let step = 1; step <= 3; step++) {
    await expect(panel(learner).locator('.lesson-progress')).toHaveText(`Step ${step} of 3`);
    await panel(learner).getByRole('button', { name: 'Show me', exact: true }).click();
  }
  await expect(node(learner, 'db1')).toHaveAttribute('data-status', 'down');
  await expect(node(learner, 'db2')).toHaveAttribute('data-role', 'primary');
  await panel(learner).getByRole('button', { name: 'Finish', exact: true }).click();
  await expect(panel(learner)).toHaveCount(0);
});
