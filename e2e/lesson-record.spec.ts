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

test('the editor adds a prediction to a recorded step; the checker asks for its words; Preview asks it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openPaused(page);
  await button(page, 'Lessons').click();
  await lessonsMenu(page).getByRole('button', { name: 'Record a lesson', exact: true }).click();
  await fromNodeMenu(page, 'db1', 'Kill');
  await expect(recordingBar(page)).toContainText('Recording: 1 step');
  await recordingBar(page).getByRole('button', { name: 'Stop recording', exact: true }).click();

  const form = editor(page);
  await form.getByRole('checkbox', { name: 'Ask for a prediction first of step 1' }).check();
  // Its words are the author's: until then the checker names what is missing, by path.
  await expect(form.getByText(/steps\[0\]\.predict\.question/).first()).toBeVisible({ timeout: 20_000 });
  await expect(form.getByRole('button', { name: 'Export lesson', exact: true })).toBeDisabled();
  await expect(form.getByRole('combobox', { name: 'Who does it in step 1' })).toHaveValue('next');

  await form.getByRole('textbox', { name: 'Question of step 1' }).fill('db1 dies now. Can db2 take writes?');
  await form.getByRole('textbox', { name: 'Choice 1 of step 1' }).fill('No: it is a read-only slave');
  await form.getByRole('textbox', { name: 'Choice 2 of step 1' }).fill('Yes: it takes over at once');
  await form
    .getByRole('textbox', { name: 'Why, in one sentence of step 1' })
    .fill('Only a master takes writes, and nobody promotes db2 by itself here.');
  await form.getByRole('button', { name: 'Add a choice of step 1' }).click();
  await form.getByRole('textbox', { name: 'Choice 3 of step 1' }).fill('Only after a failover');
  await form.getByRole('checkbox', { name: 'Right (choice 3 of step 1)' }).check();
  await form.getByRole('checkbox', { name: 'Right (choice 2 of step 1)' }).check();
  // Every choice right: nothing to predict, and the checker says so.
  await expect(form.getByText(/needs at least one choice that is not right/)).toBeVisible({
    timeout: 20_000,
  });
  await form.getByRole('button', { name: 'Remove choice 2 of step 1' }).click();
  await form.getByRole('checkbox', { name: 'Right (choice 2 of step 1)' }).uncheck();
  await expect(form.getByRole('textbox', { name: /^Choice \d of step 1$/ })).toHaveCount(2);
  await expect(form.getByRole('textbox', { name: 'Choice 2 of step 1' })).toHaveValue(
    'Only after a failover',
  );
  await expect(form.getByText('The lesson checker found no problems.')).toBeVisible({ timeout: 20_000 });
  await expectNoModerateViolations(page, 'the lesson editor with a prediction');

  await form.getByRole('button', { name: 'Preview', exact: true }).click();
  const predict = panel(page).locator('form.lesson-predict');
  await expect(predict.getByRole('group', { name: /Can db2 take writes\?/ })).toBeVisible({
    timeout: 20_000,
  });
  await predict.getByRole('radio', { name: 'Only after a failover' }).check();
  await predict.getByRole('button', { name: 'Answer and play' }).click();
  await expect(panel(page).locator('.lesson-result')).toContainText('Your prediction did not hold.');
  await expect(panel(page).locator('.lesson-result')).toContainText('No: it is a read-only slave');
  await expect(panel(page).locator('.lesson-result')).toContainText('Why: Only a master takes writes');
  await expect(node(page, 'db1')).toHaveAttribute('data-status', 'down');
});
