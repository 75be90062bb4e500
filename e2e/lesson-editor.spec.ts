/**
 * The lesson editor beyond text: a step's actions (kind and fields, checked by field), steps added, moved
 * and removed, a panel rung; Preview and back keep the draft; closing unsaved asks first; and a recorded
 * lesson played with Next in /embed, its host hearing each step and the finish.
 */
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { expectNoModerateViolations } from './axe.ts';
import { lab, hostLog } from './embedHost.ts';
import { box, button, node, nodeMenu, openPaused, writeVia } from './lab.ts';

const lessonsMenu = (page: Page) => page.getByRole('group', { name: 'Lessons' });
const editor = (page: Page) => page.getByRole('region', { name: 'Lesson editor' });
const recordingBar = (page: Page) => page.getByRole('region', { name: 'Recording a lesson' });
const panel = (page: Page | FrameLocator) => page.locator('.lesson-panel[role="dialog"]');
const progress = (page: Page | FrameLocator) => panel(page).locator('.lesson-progress');
const closeDialog = (page: Page) => page.getByRole('dialog', { name: 'Close the lesson editor?' });

async function fromNodeMenu(page: Page, id: string, item: string): Promise<void> {
  await node(page, id).locator('.node-shape').click();
  await nodeMenu(page, id).getByRole('menuitem', { name: item }).click();
}

/** Records what `act` does in the lab and stops: the editor opens on it. */
async function record(page: Page, steps: number, act: () => Promise<void>): Promise<void> {
  await openPaused(page);
  await button(page, 'Lessons').click();
  await lessonsMenu(page).getByRole('button', { name: 'Record a lesson', exact: true }).click();
  await act();
  await expect(recordingBar(page)).toContainText(`Recording: ${steps} step`);
  await recordingBar(page).getByRole('button', { name: 'Stop recording', exact: true }).click();
  await expect(editor(page)).toBeVisible();
}

const checked = (page: Page) =>
  expect(editor(page).getByText('The lesson checker found no problems.')).toBeVisible({ timeout: 20_000 });

test('the editor edits a step’s actions and steps, rings a panel, previews and keeps the draft, and asks before losing it', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await record(page, 1, () => fromNodeMenu(page, 'db1', 'Kill'));
  const form = editor(page);
  await expect(form.getByRole('combobox', { name: 'Action 1 of step 1' })).toHaveValue('kill');
  await expect(form.getByRole('combobox', { name: 'Node of action 1, step 1' })).toHaveValue('db1');

  // A new step: its text takes focus; its first action is a write whose empty key the checker names there.
  await form.getByRole('button', { name: 'Add a step', exact: true }).click();
  await expect(form.getByRole('textbox', { name: 'Text of step 2' })).toBeFocused();
  await page.keyboard.type('Now make db2 the {primary}.');
  await form.getByRole('button', { name: 'Add an action to step 2' }).click();
  const kind = form.getByRole('combobox', { name: 'Action 1 of step 2' });
  await expect(kind).toBeFocused();
  await expect(kind).toHaveValue('write');
  const key = form.getByRole('textbox', { name: 'Key of action 1, step 2' });
  await expect(key).toHaveAttribute('aria-invalid', 'true', { timeout: 20_000 });
  await expect(key).toHaveAccessibleDescription('Key: must not be empty');
  await expect(form.getByRole('button', { name: 'Preview', exact: true })).toBeDisabled();
  await key.fill('balance');
  await expect(key).not.toHaveAttribute('aria-invalid', { timeout: 20_000 });
  await checked(page);

  // The kind changes to a promotion; its node is picked from the scenario's.
  await kind.selectOption({ label: 'Promote a node to master' });
  await expect(form.getByRole('textbox', { name: 'Key of action 1, step 2' })).toHaveCount(0);
  await form.getByRole('combobox', { name: 'Node of action 1, step 2' }).selectOption('db2');
  // A duration out of range is named under its field.
  await form.getByRole('button', { name: 'Add an action to step 2' }).click();
  await form.getByRole('combobox', { name: 'Action 2 of step 2' }).selectOption({ label: 'Let time pass' });
  const duration = form.getByRole('spinbutton', { name: 'Duration (ms) of action 2, step 2' });
  await duration.fill('900000');
  await expect(duration).toHaveAccessibleDescription(/Duration \(ms\): must be at most 600000 ms/, {
    timeout: 20_000,
  });
  await duration.fill('500');
  // Actions reorder within their step, focus staying on the moved action's buttons.
  await form.getByRole('button', { name: 'Move up action 2 of step 2' }).click();
  await expect(form.getByRole('combobox', { name: 'Action 1 of step 2' })).toHaveValue('advance');
  await expect(form.getByRole('combobox', { name: 'Action 2 of step 2' })).toHaveValue('promote');
  await expect(form.getByRole('button', { name: 'Move down action 1 of step 2' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(form.getByRole('combobox', { name: 'Action 2 of step 2' })).toHaveValue('advance');
  await expect(form.getByRole('button', { name: 'Move up action 2 of step 2' })).toBeFocused();
  // Step 2 rings the event log.
  await form.getByRole('combobox', { name: 'Ring in step 2' }).selectOption({ label: 'the event log' });

  // A third step, moved up and back down, then removed.
  await form.getByRole('button', { name: 'Add a step', exact: true }).click();
  await page.keyboard.type('Look around.');
  await form.getByRole('button', { name: 'Move up step 3' }).click();
  await expect(form.getByRole('textbox', { name: 'Text of step 2' })).toHaveValue('Look around.');
  await expect(form.getByRole('button', { name: 'Move up step 2' })).toBeFocused();
  await form.getByRole('button', { name: 'Move down step 2' }).click();
  await expect(form.getByRole('textbox', { name: 'Text of step 3' })).toHaveValue('Look around.');
  await expect(form.getByRole('textbox', { name: 'Text of step 2' })).toHaveValue(
    'Now make db2 the {primary}.',
  );
  await form.getByRole('button', { name: 'Remove step 3' }).click();
  await expect(form.getByRole('textbox', { name: /^Text of step \d$/ })).toHaveCount(2);
  await form.getByLabel('Title', { exact: true }).fill('Promote by hand');
  await checked(page);
  await expectNoModerateViolations(page, 'the lesson editor with actions, light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoModerateViolations(page, 'the lesson editor with actions, dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Preview plays the draft in the lab; the ring shows on the event log; back in the editor, all is kept.
  await form.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(progress(page)).toHaveText('Step 1 of 2', { timeout: 20_000 });
  await panel(page).getByRole('button', { name: 'Show me', exact: true }).click();
  await expect(progress(page)).toHaveText('Step 2 of 2');
  const ring = page.locator('[data-lesson-target]');
  await expect(ring).toBeVisible();
  const events = await box(page.locator('[data-panel="events"]'));
  const ringed = await box(ring);
  expect(ringed.x).toBeLessThanOrEqual(events.x);
  expect(ringed.y).toBeLessThanOrEqual(events.y);
  expect(ringed.x + ringed.width).toBeGreaterThanOrEqual(events.x + events.width);
  await page.getByRole('button', { name: 'Back to the editor', exact: true }).click();
  await expect(form).toBeVisible();
  await expect(form.getByLabel('Title', { exact: true })).toHaveValue('Promote by hand');
  await expect(form.getByRole('textbox', { name: 'Text of step 2' })).toHaveValue(
    'Now make db2 the {primary}.',
  );
  await expect(form.getByRole('combobox', { name: 'Ring in step 2' })).toHaveValue('panel:events');
  await expect(form.getByRole('spinbutton', { name: 'Duration (ms) of action 2, step 2' })).toHaveValue(
    '500',
  );
  // ...and editable again.
  await form.getByRole('textbox', { name: 'Text of step 1' }).fill('Kill db1, the {primary}.');
  await checked(page);
  // A step previewed on its own: the steps before it are played first.
  await form.getByRole('button', { name: 'Preview from step 2', exact: true }).click();
  await expect(progress(page)).toHaveText('Step 2 of 2', { timeout: 20_000 });
  await expect(node(page, 'db1')).toHaveAttribute('data-status', 'down');
  await page.getByRole('button', { name: 'Back to the editor', exact: true }).click();
  await expect(form.getByRole('textbox', { name: 'Text of step 1' })).toHaveValue('Kill db1, the {primary}.');

  // Closing with changes asks; Escape keeps editing, focus back on Close.
  await form.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(closeDialog(page)).toBeVisible();
  await expect(closeDialog(page).getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await expectNoModerateViolations(page, 'the close dialog, light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoModerateViolations(page, 'the close dialog, dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press('Escape');
  await expect(closeDialog(page)).toHaveCount(0);
  await expect(form).toBeVisible();
  await expect(form.getByRole('button', { name: 'Close', exact: true })).toBeFocused();

  // Exported, it closes without asking.
  const download = page.waitForEvent('download');
  await form.getByRole('button', { name: 'Export lesson', exact: true }).click();
  expect((await download).suggestedFilename()).toBe('promote-by-hand.lesson.json');
  await form.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(form).toHaveCount(0);
  await expect(closeDialog(page)).toHaveCount(0);
});

test('closing an edited lesson can lose it, only when the author says so', async ({ page }) => {
  test.setTimeout(90_000);
  await record(page, 1, () => fromNodeMenu(page, 'db1', 'Kill'));
  // Recording anew would replace the draft: not while it is open.
  await button(page, 'Lessons').click();
  const again = lessonsMenu(page).getByRole('button', { name: 'Record a lesson', exact: true });
  await expect(again).toBeDisabled();
  await expect(again).toHaveAccessibleDescription(
    'A lesson is open in the lesson editor: close it to record another.',
  );
  await button(page, 'Lessons').click();
  await expect(lessonsMenu(page)).toHaveCount(0);
  await editor(page).getByRole('button', { name: 'Close', exact: true }).click();
  await closeDialog(page).getByRole('button', { name: 'Close and lose the lesson' }).click();
  await expect(editor(page)).toHaveCount(0);
  await expect(button(page, 'Lessons')).toBeFocused();
});

test('a recorded lesson plays with Next in /embed, and the host hears each step and the finish', async ({
  page,
  context,
}) => {
  test.setTimeout(150_000);
  await record(page, 3, async () => {
    await writeVia(page, 'db1', 'balance', '100');
    await expect(recordingBar(page)).toContainText('Recording: 1 step');
    await fromNodeMenu(page, 'db1', 'Kill');
    await expect(node(page, 'db1')).toHaveAttribute('data-status', 'down');
    await fromNodeMenu(page, 'db2', 'Promote');
  });
  const form = editor(page);
  for (const n of [1, 2, 3])
    await form.getByRole('combobox', { name: `Who does it in step ${n}` }).selectOption('next');
  await form.getByLabel('Title', { exact: true }).fill('Failover, embedded');
  await checked(page);
  const link = await form.getByLabel('Lesson link').inputValue();
  const hash = new URL(link).hash.slice(1);
  expect(hash).toMatch(/^l=v1z:/);

  const host = await context.newPage();
  await host.goto(`/embed-host.html?hash=${encodeURIComponent(hash)}`);
  await expect(hostLog(host, 'ready')).toHaveCount(1, { timeout: 20_000 });
  const frame = lab(host);
  const news = hostLog(host, 'lesson-step');
  await expect(news.last()).toHaveText(
    '{"source":"replication-lab","v":1,"type":"lesson-step","lesson":"failover-embedded","step":1,"finished":false}',
    { timeout: 20_000 },
  );
  const next = panel(frame).getByRole('button', { name: /^(Next|Finish)$/ });
  for (const step of [1, 2, 3]) {
    await expect(progress(frame)).toHaveText(`Step ${step} of 3`);
    await expect(news.last()).toContainText(`"lesson":"failover-embedded","step":${step},"finished":false`);
    await expect(next).not.toHaveAttribute('aria-disabled', 'true', { timeout: 20_000 });
    await next.click();
  }
  // The last step done, Finish ends the lesson.
  await expect(news.last()).toContainText('"step":3,"finished":false');
  await panel(frame).getByRole('button', { name: 'Finish', exact: true }).click();
  await expect(panel(frame)).toHaveCount(0);
  await expect(news.last()).toHaveText(
    '{"source":"replication-lab","v":1,"type":"lesson-step","lesson":"failover-embedded","step":3,"finished":true}',
  );
  await expect(frame.locator('[data-node-id="db2"]')).toHaveAttribute('data-role', 'primary');
});
