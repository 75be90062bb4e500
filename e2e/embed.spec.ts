/** The embed inside a host page: options, postMessage driving, origin checks, and no storage needed. */
import { expect, test, type Page } from '@playwright/test';
import { hostLog, lab, send } from './embedHost.ts';
import { button } from './lab.ts';

const PORT = Number(process.env.E2E_PORT ?? 4391);
/** The same preview server under a second origin: 127.0.0.1 is not localhost to the browser. */
const OTHER = `http://127.0.0.1:${PORT}`;
const LOCAL = `http://localhost:${PORT}`;

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

/** The last message of `type` the host page logged, parsed. */
async function lastMessage(page: Page, type: string): Promise<Record<string, unknown>> {
  const text = await hostLog(page, type).last().textContent();
  return JSON.parse(text ?? '{}') as Record<string, unknown>;
}

/** Sends `message` with `id` and waits for the ack with that id. */
async function ackOf(page: Page, id: string, message: object): Promise<Record<string, unknown>> {
  await send(page, { ...message, id });
  const ack = page.locator('#log li[data-type="ack"]').filter({ hasText: `"id":"${id}"` });
  await expect(ack).toHaveCount(1);
  return JSON.parse((await ack.textContent()) ?? '{}') as Record<string, unknown>;
}

/** The result message for the write with ack id `id`. */
const resultFor = (page: Page, id: string) =>
  page.locator('#log li[data-type="result"]').filter({ hasText: `"id":"${id}"` });

test.describe('an injected write', () => {
  test('says whether it was accepted, and its outcome follows in a result', async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto('/embed-host.html');
    await expect(hostLog(page, 'ready')).toHaveCount(1, { timeout: 20_000 });
    const frame = lab(page);

    // On the master: accepted and pending; once time passes, the result says it was acknowledged.
    const ok = await ackOf(page, 'w1', { type: 'inject-write', key: 'balance', value: '100' });
    expect(ok).toMatchObject({ command: 'inject-write', ok: true, status: 'pending' });
    expect(ok).not.toHaveProperty('problems');
    await expect(resultFor(page, 'w1')).toHaveCount(0);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(resultFor(page, 'w1')).toHaveCount(1);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const done = JSON.parse((await resultFor(page, 'w1').textContent()) ?? '{}') as Record<string, unknown>;
    expect(done).toMatchObject({
      command: 'inject-write',
      opId: ok.opId,
      node: 'db1',
      key: 'balance',
      status: 'ok',
    });
    expect(done.time).toEqual(expect.any(Number));

    // On a slave: the lab shows the write failed, and so do the ack and the result.
    await page.getByRole('button', { name: 'Write on db2 (a slave)' }).click();
    await expect(hostLog(page, 'result')).toHaveCount(2);
    const refused = await lastMessage(page, 'ack');
    expect(refused).toMatchObject({ command: 'inject-write', ok: false, status: 'failed' });
    expect(refused.problems).toEqual([expect.stringMatching(/^db2 .*read-only/)]);
    expect(await lastMessage(page, 'result')).toMatchObject({
      opId: refused.opId,
      node: 'db2',
      status: 'failed',
      error: expect.stringMatching(/read-only/),
    });
    await expect(page.locator('#outcome')).toContainText(`(from-host on db2): failed: db2`);
    await expect(frame.locator('p.status-line')).toContainText('failed');

    // On a node that is down (killed in the lab): refused, with the lab's reason.
    await frame.locator('[data-node-id="db3"]').click();
    await frame.getByRole('menuitem', { name: 'Kill' }).click();
    await expect(frame.locator('[data-node-id="db3"]')).toHaveAttribute('data-status', 'down');
    const down = await ackOf(page, 'w3', { type: 'inject-write', node: 'db3', key: 'k', value: 'v' });
    expect(down).toMatchObject({
      ok: false,
      status: 'failed',
      problems: [expect.stringMatching(/^db3 is down/) as unknown],
    });
    await expect(resultFor(page, 'w3')).toContainText('"status":"failed"');

    // On a node that does not exist: refused before anything happens, with no operation and no result.
    const unknown = await ackOf(page, 'w4', { type: 'inject-write', node: 'db9', key: 'k', value: 'v' });
    expect(unknown).toEqual(expect.objectContaining({ ok: false, problems: ['node: no node called "db9"'] }));
    expect(unknown).not.toHaveProperty('opId');
    await page.waitForTimeout(300);
    await expect(resultFor(page, 'w4')).toHaveCount(0);
  });

  test('takes the keys the Write form takes and refuses the rest by field', async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto('/embed-host.html');
    await expect(hostLog(page, 'ready')).toHaveCount(1, { timeout: 20_000 });
    const write = (id: string, key: string, value = 'v') =>
      ackOf(page, id, { type: 'inject-write', key, value });
    expect(await write('k200', 'k'.repeat(200), 'v'.repeat(200))).toMatchObject({ ok: true });
    expect(await write('emoji', '😀'.repeat(200), 'ключ ✓')).toMatchObject({ ok: true });
    expect(await write('proto', '__proto__', 'x')).toMatchObject({ ok: true });
    expect(await write('ctor', 'constructor', '')).toMatchObject({ ok: true });
    expect(await write('k201', 'k'.repeat(201))).toMatchObject({
      command: 'unknown',
      ok: false,
      problems: ['key: must be at most 200 characters (this one has 201)'],
    });
    expect(await write('mb', 'k'.repeat(1024 * 1024))).toMatchObject({
      ok: false,
      problems: ['key: must be at most 200 characters (this one has 1,048,576)'],
    });
    expect(await write('empty', '')).toMatchObject({ ok: false, problems: ['key: must not be empty'] });

    // What it accepted, a link carries: the lab's own link-out opens the same run without a banner.
    // Step, not play: the workload's events would soon push these writes out of the event list.
    for (let i = 0; i < 40 && (await resultFor(page, 'ctor').count()) === 0; i++) {
      await page.getByRole('button', { name: 'Step' }).click();
    }
    await expect(resultFor(page, 'ctor')).toContainText('"status":"ok"');
    const out = lab(page).getByRole('link', { name: 'Open in Replication Lab' });
    await out.focus();
    await expect(out).toHaveAttribute('href', /#s=v1z:/);
    const copy = await page.context().newPage();
    await copy.goto((await out.getAttribute('href')) ?? '/');
    await expect(copy.locator('[data-node-id]')).toHaveCount(3);
    await expect(copy.locator('[data-banner="load-report"]')).toHaveCount(0);
    await expect(copy.getByRole('list', { name: 'Events, newest first' })).toContainText(
      'committed __proto__ = "x"',
    );
  });

  test('pending in sync mode until it completes, or discarded when the lab starts over', async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto('/embed-host.html');
    await expect(hostLog(page, 'ready')).toHaveCount(1, { timeout: 20_000 });
    const scenario = {
      nodes: [
        { id: 'db1', role: 'primary' },
        { id: 'db2', role: 'replica', upstream: 'db1' },
      ],
      replication: { mode: 'sync' },
    };
    expect(await ackOf(page, 'load', { type: 'load-scenario', scenario })).toMatchObject({ ok: true });
    const frame = lab(page);
    await frame.locator('[data-node-id="db2"]').click();
    await frame.getByRole('menuitem', { name: 'Kill' }).click();
    const blocked = await ackOf(page, 'sync', { type: 'inject-write', key: 'k', value: 'v' });
    expect(blocked).toMatchObject({ ok: true, status: 'pending' });
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForTimeout(1000);
    await expect(resultFor(page, 'sync')).toHaveCount(0);
    await page.getByRole('button', { name: 'Load cascading scenario' }).click();
    await expect(resultFor(page, 'sync')).toHaveCount(1);
    expect(JSON.parse((await resultFor(page, 'sync').textContent()) ?? '{}')).toMatchObject({
      opId: blocked.opId,
      status: 'discarded',
    });
  });
});

test.describe('the ?origin= allow-list', () => {
  test('keeps its valid entries when one is malformed, and says so in the embed', async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(
      `${OTHER}/embed-host.html?lab=${LOCAL}&allow=${encodeURIComponent(`${OTHER},not-an-origin`)}`,
    );
    await expect(hostLog(page, 'ready')).toHaveCount(1, { timeout: 20_000 });
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(button(lab(page) as unknown as Page, 'Pause')).toBeVisible();
    await expect(lab(page).locator('[data-banner="load-report"] li')).toHaveText([
      '?origin: "not-an-origin" is not an origin such as https://docs.example.com; ignored',
    ]);
  });

  for (const allow of ['https://trusted.example,not-an-origin', 'not-an-origin', '*', 'null', ' , ,']) {
    test(`"${allow}" does not trust the page that framed the embed`, async ({ page }) => {
      test.setTimeout(60_000);
      await page.goto(`${OTHER}/embed-host.html?lab=${LOCAL}&allow=${encodeURIComponent(allow)}`);
      const frame = lab(page);
      await expect(frame.locator('[data-node-id]')).toHaveCount(3);
      await expect(frame.locator('[data-banner="load-report"]')).toContainText('?origin:');
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await page.getByRole('button', { name: 'Inject write' }).click();
      await page.waitForTimeout(800);
      await expect(button(frame as unknown as Page, 'Play')).toBeVisible();
      await expect(page.locator('#log li')).toHaveCount(0);
    });
  }
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
