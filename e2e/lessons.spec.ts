import { expect, test, type Page } from '@playwright/test';
import { LESSONS } from '../src/app/lessons/lessons.ts';
import { node } from './lab.ts';

const panel = (page: Page) => page.getByRole('dialog', { name: /./ }).and(page.locator('.lesson-panel'));
const lessonsButton = (page: Page) => page.getByRole('button', { name: 'Lessons', exact: true });

/** Opens the Lessons menu from the keyboard and starts lesson `index` (Tab moves down the list). */
async function openLessonByKeyboard(page: Page, index: number): Promise<void> {
  await lessonsButton(page).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Lessons' })).toBeVisible();
  for (let i = 0; i < index; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
}

test.describe('guided lessons', () => {
  for (const [index, lesson] of LESSONS.entries()) {
    test(`lesson ${lesson.id} runs start to finish by keyboard`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto('/');
      await expect(node(page, 'db1')).toBeVisible();
      await openLessonByKeyboard(page, index);
      // Next, or Show me where the step is the learner's to do; a prediction answered with its first choice.
      const next = panel(page).getByRole('button', { name: /^(Next|Finish|Show me)$/ });
      // Focus lands on Next (or Show me), or on a prediction's first choice (checked in the loop).
      if (lesson.steps[0]?.predict === undefined) await expect(next).toBeFocused();
      for (let step = 1; step <= lesson.steps.length; step++) {
        await expect(panel(page).locator('.lesson-progress')).toHaveText(
          `Step ${step} of ${lesson.steps.length}`,
        );
        if (lesson.steps[step - 1]?.predict !== undefined) {
          await expect(panel(page).getByRole('radio').first()).toBeFocused();
          await page.keyboard.press('Space');
          await page.keyboard.press('Tab');
          await page.keyboard.press('Enter');
          await expect(panel(page).locator('.lesson-result-verdict')).toHaveText(
            /prediction (held|did not hold)/,
          );
        }
        await expect(next).not.toHaveAttribute('aria-disabled', 'true');
        await expect(next).toBeFocused();
        await page.keyboard.press('Enter');
      }
      await expect(panel(page)).toHaveCount(0);
      await expect(lessonsButton(page)).toBeFocused();
      // The address bar follows the lesson store after the panel closes: polled, as the page's other state is.
      await expect.poll(() => new URL(page.url()).searchParams.get('lesson')).toBeNull();
    });
  }

  test('a deep link opens the right step on the simulation that step expects', async ({ page }) => {
    await page.goto('/?lesson=master-down&step=4');
    await expect(panel(page).locator('.lesson-progress')).toHaveText('Step 4 of 6');
    await expect(panel(page)).toContainText('Promote db2.');
    await expect(node(page, 'db1')).toHaveAttribute('data-status', 'down');
    await expect(panel(page).getByRole('button', { name: 'Show me' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(node(page, 'db2')).toHaveAttribute('data-role', 'primary');
    await expect(panel(page).locator('.lesson-progress')).toHaveText('Step 5 of 6');
    expect(new URL(page.url()).searchParams.get('step')).toBe('5');
  });

  test('a bad lesson link says what is wrong instead of crashing', async ({ page }) => {
    await page.goto('/?lesson=nope');
    await expect(page.getByRole('alert')).toContainText('There is no lesson “nope”');
    await page.goto('/?lesson=basics&step=99');
    await expect(page.getByRole('alert')).toContainText('has steps 1 to 4');
    await expect(node(page, 'db1')).toBeVisible();
  });

  test('a lesson can be left for free play and resumed where it was', async ({ page }) => {
    await page.goto('/');
    await openLessonByKeyboard(page, 0);
    await page.keyboard.press('Enter');
    await expect(panel(page).locator('.lesson-progress')).toHaveText('Step 2 of 4');
    await page.keyboard.press('Escape');
    await expect(panel(page)).toHaveCount(0);
    await expect(lessonsButton(page)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: /^Resume/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(panel(page).locator('.lesson-progress')).toHaveText('Step 2 of 4');
    await expect(node(page, 'db2')).toBeVisible();
  });

  test('lesson text follows the terminology setting', async ({ page }) => {
    await page.goto('/?lesson=basics');
    await expect(panel(page)).toContainText('db1 is the master');
  });
});
