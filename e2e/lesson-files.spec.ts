/** Lessons of one's own: export and import lesson files, `#l=` links with `?step=N`, the embed's lesson-step. */
import { readFileSync } from 'node:fs';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { expectNoModerateViolations } from './axe.ts';
import { hostLog, lab } from './embedHost.ts';
import { button, node } from './lab.ts';

/** A lesson link written by the first build that made them (the unit tests' golden fixture). */
const golden = JSON.parse(readFileSync('src/app/lessons/fixtures/v1-lesson-link.json', 'utf8')) as {
  readonly link: string;
};

const panel = (page: Page | FrameLocator) => page.locator('.lesson-panel[role="dialog"]');
const progress = (page: Page | FrameLocator) => panel(page).locator('.lesson-progress');
const lessonsMenu = (page: Page) => page.getByRole('group', { name: 'Lessons' });

async function openLessonsMenu(page: Page): Promise<void> {
  await button(page, 'Lessons').click();
  await expect(lessonsMenu(page)).toBeVisible();
}

/** Imports a lesson file through the Lessons menu's Import lesson… and its file chooser. */
async function importLesson(page: Page, name: string, text: string): Promise<void> {
  await openLessonsMenu(page);
  const chooser = page.waitForEvent('filechooser');
  await lessonsMenu(page).getByRole('button', { name: 'Import lesson…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/**
 * Presses Next (then Finish) until the lesson closes, checking each step's count on the way; `showMe` for a
 * lesson whose steps are the learner's (format 2), where the same button is Show me.
 */
async function playThrough(
  page: Page | FrameLocator,
  steps: number,
  from = 1,
  showMe = false,
): Promise<void> {
  const next = panel(page).getByRole('button', {
    name: showMe ? /^(Next|Finish|Show me)$/ : /^(Next|Finish)$/,
  });
  for (let step = from; step <= steps; step++) {
    await expect(progress(page)).toHaveText(`Step ${step} of ${steps}`);
    await expect(next).not.toHaveAttribute('aria-disabled', 'true', { timeout: 20_000 });
    await next.click();
  }
  await expect(panel(page)).toHaveCount(0);
}

test('a built-in lesson exports as its example file, and the file imports and plays', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await expect(node(page, 'db1')).toBeVisible();
  await openLessonsMenu(page);
  await lessonsMenu(page)
    .getByRole('button', { name: /^Master and slaves: reads without load/ })
    .click();
  await expect(progress(page)).toHaveText('Step 1 of 4');

  const download = page.waitForEvent('download');
  await panel(page).getByRole('button', { name: 'Export lesson' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('basics.lesson.json');
  const text = readFileSync(await file.path(), 'utf8');
  expect(text).toBe(readFileSync('docs/lessons/basics.lesson.json', 'utf8'));

  await panel(page).getByRole('button', { name: 'Leave lesson' }).click();
  await expect(panel(page)).toHaveCount(0);
  await importLesson(page, 'basics.lesson.json', text);
  await expect(progress(page)).toHaveText('Step 1 of 4');
  await expect(panel(page)).toContainText('db1 is the master');
  // The address bar carries the lesson itself now (it came from a file), at the step shown.
  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#l=v1z:/);
  expect(new URL(page.url()).searchParams.get('lesson')).toBeNull();
  await expectNoModerateViolations(page, 'with an imported lesson playing');
  await playThrough(page, 4, 1, true);
  await expect(node(page, 'db2')).toBeVisible();
});

test('a #l= link opens at ?step=2 in a new page and plays through; a pasted one opens too', async ({
  context,
  page,
}) => {
  test.setTimeout(90_000);
  const fresh = await context.newPage();
  await fresh.goto(`/?step=2${golden.link}`);
  await expect(progress(fresh)).toHaveText('Step 2 of 4');
  await expect(panel(fresh).getByRole('heading')).toHaveText('My failover: what a dead master loses');
  await expect(panel(fresh).locator('h2 em')).toHaveText('what');
  await expect(panel(fresh)).toContainText('Every slave has it. Next kills db1.');
  await panel(fresh).getByRole('button', { name: 'Next' }).click();
  await expect(node(fresh, 'db1')).toHaveAttribute('data-status', 'down');
  await expect(progress(fresh)).toHaveText('Step 3 of 4');
  await expect(panel(fresh).locator('.lesson-text em')).toHaveText('read-only');
  expect(new URL(fresh.url()).searchParams.get('step')).toBe('3');
  await playThrough(fresh, 4, 3);
  await expect(node(fresh, 'db2')).toHaveAttribute('data-role', 'primary');

  // Pasted into a tab already open: only the hash changes, and the lesson opens without a reload.
  await page.goto('/');
  await expect(node(page, 'db1')).toBeVisible();
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, golden.link);
  await expect(progress(page)).toHaveText('Step 1 of 4');
  await expect(panel(page).getByRole('heading')).toHaveText('My failover: what a dead master loses');

  // The Share dialog carries the lesson, at the step shown.
  await button(page, 'Share').click();
  const lessonLink = await page.getByLabel('Lesson link').inputValue();
  expect(lessonLink).toMatch(/\/\?step=1#l=v1z:/);
  await expect(page.getByLabel('Lesson embed code')).toHaveValue(/\/embed\?step=1#l=v1z:/);
});

test('the lesson plays in /embed, and the host page hears each step and the finish', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(`/embed-host.html?step=2&hash=${encodeURIComponent(golden.link.slice(1))}`);
  await expect(hostLog(page, 'ready')).toHaveCount(1, { timeout: 20_000 });
  const frame = lab(page);
  await expect(progress(frame)).toHaveText('Step 2 of 4');
  await expect(hostLog(page, 'lesson-step').last()).toHaveText(
    '{"source":"replication-lab","v":1,"type":"lesson-step","lesson":"my-failover","step":2,"finished":false}',
  );
  await panel(frame).getByRole('button', { name: 'Back' }).click();
  await expect(hostLog(page, 'lesson-step').last()).toContainText('"step":1,"finished":false');
  await playThrough(frame, 4);
  await expect(hostLog(page, 'lesson-step').last()).toContainText('"step":4,"finished":true');
  await expect(page.locator('#progress')).toHaveText('Lesson “my-failover” finished.');
  await expect(frame.locator('[data-node-id="db2"]')).toHaveAttribute('data-role', 'primary');

  // Built-in lessons tell the host too.
  await page.goto('/embed-host.html?lesson=basics');
  await expect(hostLog(page, 'lesson-step')).toContainText(['"lesson":"basics","step":1,"finished":false']);
});

test('a hostile lesson file shows each of its problems as text and changes nothing', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/');
  await expect(node(page, 'db1')).toBeVisible();
  await button(page, 'Pause').click();
  const before = await page
    .locator('[data-node-id]')
    .evaluateAll((nodes) =>
      nodes.map((n) => `${n.getAttribute('data-node-id')}:${n.getAttribute('data-role')}`),
    );
  const url = page.url();
  const hostile = {
    version: 1,
    id: 'hostile',
    title: 'Click <img src=x onerror="document.title=\'pwned\'">',
    summary: 'Names nodes that are not there.',
    scenario: { preset: 'master-slave' },
    steps: [
      { text: 'Kills db9.', target: { node: 'db9' }, actions: [{ do: 'kill', node: 'db9' }] },
      ...Array.from({ length: 100 }, () => ({ text: 'x'.repeat(401) })),
    ],
  };
  await importLesson(page, 'hostile.lesson.json', JSON.stringify(hostile));
  const banner = page.locator('[data-banner="load-report"]');
  await expect(banner).toContainText(
    'hostile.lesson.json is not a lesson the lab can play; the lab kept its run.',
  );
  await expect(banner).toContainText('title: contains markup (<img src=x onerror="document.title=\'pwn…)');
  await expect(banner).toContainText('steps: must have at most 100 steps (this one has 101)');
  await expect(banner).toContainText('steps[1].text: must be at most 400 characters (this one has 401)');
  await expect(banner.locator('img')).toHaveCount(0);
  expect(await page.title()).not.toBe('pwned');
  await expect(panel(page)).toHaveCount(0);
  expect(page.url()).toBe(url);
  const after = await page
    .locator('[data-node-id]')
    .evaluateAll((nodes) =>
      nodes.map((n) => `${n.getAttribute('data-node-id')}:${n.getAttribute('data-role')}`),
    );
  expect(after).toEqual(before);
  await expectNoModerateViolations(page, 'with a refused lesson file’s problems');

  // Once the markup and the caps are fixed, the unknown node is named by its path.
  const fixed = {
    ...hostile,
    title: 'Hostile',
    steps: hostile.steps.slice(0, 2).map((s, i) => (i === 1 ? { text: 'x' } : s)),
  };
  await importLesson(page, 'hostile.lesson.json', JSON.stringify(fixed));
  await expect(banner).toContainText(
    'steps[0].actions[0].node: unknown node "db9" (its scenario has db1, db2, db3)',
  );
  await expect(banner).toContainText('steps[0].target.node: unknown node "db9"');
  await expect(panel(page)).toHaveCount(0);
});
