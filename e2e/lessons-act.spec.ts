/**
 * Learners act, lessons check: a built-in lesson done in the lab itself (node menus, not Next) and by Show
 * me, a prediction answered and said in words, progress kept in the Lessons menu and cleared, the embed
 * telling its host each answer, axe clean in light and dark with a prediction open.
 */
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { expectNoModerateViolations } from './axe.ts';
import { hostLog, lab } from './embedHost.ts';
import { button, node, nodeMenu } from './lab.ts';

const panel = (page: Page | FrameLocator) => page.locator('.lesson-panel[role="dialog"]');
const progress = (page: Page | FrameLocator) => panel(page).locator('.lesson-progress');
const lessonsMenu = (page: Page) => page.getByRole('group', { name: 'Lessons' });

/** Clicks a node in the graph and picks `item` from its menu, as the step's to-do list says. */
async function choose(page: Page, id: string, item: string): Promise<void> {
  await node(page, id).locator('.node-shape').click();
  await nodeMenu(page, id).getByRole('menuitem', { name: item, exact: true }).click();
}

/** Writes through a node's menu: Write here…, then the key and value. */
async function writeOn(page: Page, id: string, key: string, value: string): Promise<void> {
  await choose(page, id, 'Write here…');
  const form = page.getByRole('dialog', { name: `Write to ${id}` });
  await form.getByLabel('Key', { exact: true }).fill(key);
  await form.getByLabel('Value', { exact: true }).fill(value);
  await form.getByRole('button', { name: 'Send write' }).click();
}

/** The list of what the learner is to do, each item said done once the lab sees it. */
const todo = (page: Page) => panel(page).locator('.lesson-todo li');

test('a learner does the master-down lesson in the lab, answers its prediction, and sees progress kept', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/?lesson=master-down');
  await expect(progress(page)).toHaveText('Step 1 of 6');
  // The step asks for the learner's moves and offers Show me, not Next.
  await expect(panel(page).getByRole('button', { name: 'Next' })).toHaveCount(0);
  await expect(panel(page).getByRole('button', { name: 'Show me' })).toBeFocused();
  await expect(todo(page).nth(2)).toHaveText('Kill db1: click db1 and choose Kill.');
  await expect(page.locator('[data-lesson-target]')).toBeVisible();

  await writeOn(page, 'db1', 'balance', '100');
  // Seen: the write is ticked off, the lab let its second pass, and the kill is still the learner's.
  await expect(todo(page).nth(0)).toContainText('Done:');
  await expect(todo(page).nth(1)).toContainText('Done:');
  await expect(todo(page).nth(2)).not.toContainText('Done:');
  await expect(progress(page)).toHaveText('Step 1 of 6');
  await choose(page, 'db1', 'Kill');
  await expect(node(page, 'db1')).toHaveAttribute('data-status', 'down');

  // Step 2 asks a prediction first: Next waits for the answer.
  await expect(progress(page)).toHaveText('Step 2 of 6');
  const form = panel(page).locator('form.lesson-predict');
  await expect(
    form.getByRole('group', { name: /Will the write of balance = 150 on db2 succeed\?/ }),
  ).toBeVisible();
  await expect(panel(page).getByRole('button', { name: 'Next' })).toHaveAttribute('aria-disabled', 'true');
  await expectNoModerateViolations(page, 'with a prediction to answer (light)');
  await form.getByRole('radio', { name: 'No: the system is read-only' }).check();
  await form.getByRole('button', { name: 'Answer and play' }).click();
  const result = panel(page).locator('.lesson-result');
  await expect(result).toContainText('Your prediction held.');
  await expect(result).toContainText('Why: Only a master accepts writes');
  await expect(page.getByText(/on db2 failed: db2 is a read-only slave/).first()).toBeVisible();
  await expect(panel(page).getByRole('button', { name: 'Next' })).toBeFocused();
  await panel(page).getByRole('button', { name: 'Next' }).click();

  await expect(progress(page)).toHaveText('Step 3 of 6');
  await choose(page, 'db3', 'Read here');
  await expect(progress(page)).toHaveText('Step 4 of 6');
  await choose(page, 'db2', 'Promote');
  await expect(node(page, 'db2')).toHaveAttribute('data-role', 'primary');
  await expect(progress(page)).toHaveText('Step 5 of 6');
  await writeOn(page, 'db2', 'balance', '150');
  await expect(progress(page)).toHaveText('Step 6 of 6');
  await panel(page).getByRole('button', { name: 'Finish' }).click();
  await expect(panel(page)).toHaveCount(0);

  // Kept in this browser, shown in the Lessons menu, and cleared from there.
  await button(page, 'Lessons').click();
  const row = lessonsMenu(page).getByRole('button', { name: /^The master goes down/ });
  await expect(row).toContainText('Finished · 1 of 1 prediction right');
  await page.reload();
  await button(page, 'Lessons').click();
  await expect(row).toContainText('Finished · 1 of 1 prediction right');
  await lessonsMenu(page).getByRole('button', { name: 'Clear progress' }).click();
  await expect(lessonsMenu(page).getByRole('status')).toHaveText('Progress cleared.');
  await expect(row).not.toContainText('Finished');
  expect(await page.evaluate(() => localStorage.getItem('replication-lab.lesson-progress'))).toBeNull();
});

test('a learner’s move other than the one asked does not count', async ({ page }) => {
  await page.goto('/?lesson=master-down&step=4');
  await expect(progress(page)).toHaveText('Step 4 of 6');
  await choose(page, 'db3', 'Promote');
  await expect(node(page, 'db3')).toHaveAttribute('data-role', 'primary');
  await expect(progress(page)).toHaveText('Step 4 of 6');
  await expect(todo(page).first()).not.toContainText('Done:');
});

test('Show me does each step of a lesson, by keyboard', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/?lesson=cascading');
  await expect(progress(page)).toHaveText('Step 1 of 7');
  for (let step = 1; step <= 7; step++) {
    await expect(progress(page)).toHaveText(`Step ${step} of 7`);
    const primary = panel(page).locator('.lesson-buttons .button--primary, form.lesson-predict');
    await expect(primary).toBeVisible({ timeout: 20_000 });
    if (await panel(page).locator('form.lesson-predict').isVisible()) {
      // Focus is on the first choice: arrow to the second, then to Answer and play.
      await expect(panel(page).getByRole('radio').first()).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await expect(panel(page).getByRole('radio').nth(1)).toBeChecked();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect(panel(page).locator('.lesson-result')).toContainText('Your prediction held.');
    }
    const go = panel(page).getByRole('button', { name: /^(Show me|Next|Finish)$/ });
    await expect(go).not.toHaveAttribute('aria-disabled', 'true', { timeout: 20_000 });
    await expect(go).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await expect(panel(page)).toHaveCount(0);
  await expect(node(page, 'db4')).toBeVisible();
});

test('the lesson panel with a prediction is clean for axe in dark', async ({ page }) => {
  test.setTimeout(90_000);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/?lesson=conflicts&theme=dark');
  await expect(panel(page).locator('form.lesson-predict')).toBeVisible();
  await expectNoModerateViolations(page, 'with a prediction to answer (dark)');
  await panel(page)
    .getByRole('radio', { name: /^apple on db1/ })
    .check();
  await panel(page).getByRole('button', { name: 'Answer and play' }).click();
  await expect(panel(page).locator('.lesson-result')).toContainText('Your prediction did not hold.');
  await expect(panel(page).locator('.lesson-result')).toContainText(
    'The right answer: One of them on every node; the other write silently gone.',
  );
  await expectNoModerateViolations(page, 'with a prediction answered (dark)');
});

test('the embed tells its host each answer and stores nothing', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/embed-host.html?lesson=master-down');
  await expect(hostLog(page, 'ready')).toHaveCount(1, { timeout: 20_000 });
  const frame = lab(page);
  await expect(progress(frame)).toHaveText('Step 1 of 6');
  await panel(frame).getByRole('button', { name: 'Show me' }).click();
  await expect(progress(frame)).toHaveText('Step 2 of 6');
  await panel(frame).getByRole('radio', { name: 'Yes: db2 has all of db1’s data' }).check();
  await panel(frame).getByRole('button', { name: 'Answer and play' }).click();
  await expect(hostLog(page, 'lesson-step').last()).toHaveText(
    '{"source":"replication-lab","v":1,"type":"lesson-step","lesson":"master-down","step":2,"finished":false,"answer":1,"correct":false}',
  );
  await expect(panel(frame).locator('.lesson-result')).toContainText('Your prediction did not hold.');
  const stored = await page
    .frameLocator('#lab')
    .locator('body')
    .evaluate(() => Object.keys(localStorage));
  expect(stored).toEqual([]);
});
