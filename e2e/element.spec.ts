/** `<replication-lab>`: one script and one tag on a docs page frame the embed and speak its protocol as DOM events. */
import { expect, test } from '@playwright/test';
import { expectNoModerateViolations } from './axe.ts';

test('the element frames the embed, sized by it, and forwards its messages as events', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/element-host.html');
  const frame = page.locator('replication-lab').locator('iframe');
  await expect(frame).toHaveAttribute('src', /\/embed\/\?preset=cascading$/);
  await expect(frame).toHaveAttribute('title', 'Replication Lab: a cascading replica');
  await expect(frame).toHaveAttribute('loading', 'lazy');
  const log = page.getByRole('list', { name: 'Events from the lab' });
  await expect(log.getByRole('listitem').filter({ hasText: /^ready / })).toHaveCount(1, { timeout: 30_000 });
  // Sized by the height the embed reported last (no height attribute): `ready`, then any `resize`.
  const lastReported = () =>
    page.evaluate(() => {
      const sized = [...document.querySelectorAll('#log li')]
        .map((li) => li.textContent)
        .filter((text) => text.startsWith('ready ') || text.startsWith('resize '));
      const last = sized.at(-1) ?? '';
      return Math.ceil((JSON.parse(last.slice(last.indexOf(' ') + 1)) as { height: number }).height);
    });
  await expect.poll(async () => (await frame.boundingBox())?.height === (await lastReported())).toBe(true);
  await expect(page.frameLocator('replication-lab >> iframe').locator('[data-node-id="db4"]')).toBeVisible();

  // A command through the element's method resolves with its ack; the write's outcome follows as an event.
  const ack = await page.evaluate(() =>
    (
      document.querySelector('replication-lab') as HTMLElement & {
        injectWrite(write: { key: string; value: string }): Promise<{ ok: boolean; command: string }>;
      }
    ).injectWrite({ key: 'balance', value: '100' }),
  );
  expect(ack).toMatchObject({ type: 'ack', command: 'inject-write', ok: true });
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(log.getByRole('listitem').filter({ hasText: /^result .*"status":"ok"/ })).toHaveCount(1);
  await expectNoModerateViolations(page, 'a page with the element');
});

test('a height attribute fixes the frame, and a run attribute opens that run', async ({ page }) => {
  await page.goto('/element-host.html');
  await page.evaluate(() => {
    const lab = document.querySelector('replication-lab');
    lab?.setAttribute('height', '300');
    lab?.setAttribute('scenario', 'v1z:not-a-run');
  });
  const frame = page.locator('replication-lab').locator('iframe');
  await expect(frame).toHaveAttribute('src', /\/embed\/#s=v1z:not-a-run$/);
  await expect.poll(async () => (await frame.boundingBox())?.height).toBe(300);
  // A bad run in the attribute: the embed says so and opens the default scenario (never a blank frame).
  await expect(
    page.frameLocator('replication-lab >> iframe').locator('[data-banner="load-report"]'),
  ).toBeVisible();
});
