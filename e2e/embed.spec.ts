/** The embed inside a host page: options, postMessage driving, origin checks, and no storage needed. */
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { button } from './lab.ts';

const PORT = Number(process.env.E2E_PORT ?? 4391);
/** The same preview server under a second origin: 127.0.0.1 is not localhost to the browser. */
const OTHER = `http://127.0.0.1:${PORT}`;
const LOCAL = `http://localhost:${PORT}`;

const lab = (page: Page): FrameLocator => page.frameLocator('#lab');
const hostLog = (page: Page, type: string) => page.locator(`#log li[data-type="${type}"]`);
const send = (page: Page, message: object) =>
  page.evaluate((m) => {
    (window as unknown as { sendToLab: (m: object) => void }).sendToLab(m);
  }, message);

for (const theme of ['light', 'dark'] as const) {
  test(`a ${theme} host page drives the embed through postMessage`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(`/embed-host.html?theme=${theme}`);
    await expect(hostLog(page, 'ready')).toHaveCount(1, { timeout: 20_000 });
    const frame = lab(page);
    await expect(frame.locator('[data-node-id]')).toHaveCount(3);

    // The embed paints its own background in the host's scheme: no white box on a dark page.
    const background = await frame.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
    const [r = 0, g = 0, b = 0] = (background.match(/\d+/g) ?? []).map(Number);
    if (theme === 'dark') expect(r + g + b).toBeLessThan(100);
    else expect(r + g + b).toBeGreaterThan(700);
    const scheme = await frame.locator('html').evaluate((h) => getComputedStyle(h).colorScheme);
    expect(scheme).toBe(theme);

    // The host sized the iframe from the height the embed reported.
    const reported = JSON.parse((await hostLog(page, 'ready').textContent()) ?? '{}') as { height: number };
    expect(reported.height).toBeGreaterThan(200);
    await expect(page.locator('#lab')).toHaveCSS('height', `${Math.max(240, reported.height)}px`);

    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(button(frame as unknown as Page, 'Pause')).toBeVisible();
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(button(frame as unknown as Page, 'Play')).toBeVisible();

    await page.getByRole('button', { name: 'Inject write' }).click();
    await expect(hostLog(page, 'ack').last()).toContainText('"command":"inject-write","ok":true');
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(hostLog(page, 'ack').last()).toContainText('"command":"step","ok":true');

    // Malformed: answered with the problems, and nothing happens.
    await send(page, { type: 'inject-write', value: 1 });
    await expect(hostLog(page, 'ack').last()).toContainText('"ok":false');
    await expect(hostLog(page, 'ack').last()).toContainText('key: ');
    await send(page, { type: 'load-scenario', scenario: { nodes: [{ id: 'x', role: 'replica' }] } });
    await expect(hostLog(page, 'ack').last()).toContainText(
      'scenario.nodes[0].upstream: a replica needs an upstream',
    );
    await expect(frame.locator('[data-node-id]')).toHaveCount(3);

    await page.getByRole('button', { name: 'Load cascading scenario' }).click();
    await expect(frame.locator('[data-node-id]')).toHaveCount(4);
    await expect(frame.getByText('Cascading replicas, loaded by the host page.')).toBeVisible();
  });
}

test('a host on another origin drives the embed, and a foreign origin is ignored', async ({ page }) => {
  test.setTimeout(60_000);
  // Cross-origin, allowed by default: the embed trusts the page that framed it (its referrer).
  await page.goto(`${OTHER}/embed-host.html?lab=${LOCAL}`);
  await expect(hostLog(page, 'ready')).toHaveCount(1, { timeout: 20_000 });
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(button(lab(page) as unknown as Page, 'Pause')).toBeVisible();

  // The embed's ?origin= allow-list names only localhost: the 127.0.0.1 host is foreign.
  await page.goto(`${OTHER}/embed-host.html?lab=${LOCAL}&allow=${LOCAL}`);
  const frame = lab(page);
  await expect(frame.locator('[data-node-id]')).toHaveCount(3);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('button', { name: 'Load cascading scenario' }).click();
  await page.waitForTimeout(800);
  await expect(button(frame as unknown as Page, 'Play')).toBeVisible();
  await expect(frame.locator('[data-node-id]')).toHaveCount(3);
  // Nothing was said to it either: not even `ready`.
  await expect(page.locator('#log li')).toHaveCount(0);
});

test.describe('embed options', () => {
  test('works when storage throws (third-party iframes)', async ({ page }) => {
    await page.addInitScript(() => {
      for (const name of ['localStorage', 'sessionStorage']) {
        Object.defineProperty(window, name, {
          get() {
            throw new DOMException('blocked', 'SecurityError');
          },
        });
      }
      Object.defineProperty(document, 'cookie', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('/embed');
    await expect(page.locator('[data-node-id]')).toHaveCount(3);
    await button(page, 'Play').click();
    await expect(button(page, 'Pause')).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('auto-plays only when asked, and keeps a visible Pause with every chrome', async ({ page }) => {
    test.setTimeout(60_000);
    for (const chrome of ['full', 'minimal', 'none']) {
      await page.goto(`/embed?autoplay=1&chrome=${chrome}&controls=0`);
      await expect(button(page, 'Pause')).toBeVisible();
      await expect(button(page, 'Step')).toHaveCount(0);
      await button(page, 'Pause').click();
      // The toggle stays where it was: a reader can always start again.
      await expect(button(page, 'Play')).toBeVisible();
    }
    await page.goto('/embed?chrome=minimal');
    await expect(button(page, 'Play')).toBeVisible();
    await expect(button(page, 'Step')).toBeVisible();
    await expect(button(page, 'Reset')).toHaveCount(0);
    await page.goto('/embed?chrome=none');
    await expect(button(page, 'Play')).toBeVisible();
    await expect(page.locator('dl.metrics')).toHaveCount(0);
  });

  test('reports an unknown lesson and a bad option, and still opens', async ({ page }) => {
    await page.setViewportSize({ width: 640, height: 400 });
    await page.goto('/embed?lesson=no-such-lesson&speed=fast&theme=dark');
    await expect(page.locator('[data-banner="load-report"] li')).toHaveText([
      /^\?speed: .*ignored$/,
      '?lesson: there is no lesson "no-such-lesson"; the lab opened without one',
    ]);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.locator('[data-node-id]')).toHaveCount(3);
  });

  test('links out to the full lab on the current run, in a new tab with no referrer', async ({ page }) => {
    await page.goto('/embed?speed=2');
    await button(page, 'Step').click();
    const out = page.getByRole('link', { name: 'Open in Replication Lab' });
    await out.focus();
    await expect(out).toHaveAttribute('href', new RegExp(`^${LOCAL}/#s=v1z:`));
    await expect(out).toHaveAttribute('target', '_blank');
    await expect(out).toHaveAttribute('rel', 'noreferrer');
  });
});
