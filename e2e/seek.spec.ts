/** The instant shown travels: the embed's `seek` message, and share links that carry `at`. */
import { readFile } from 'node:fs/promises';
import { expect, test, type FrameLocator, type Locator, type Page } from '@playwright/test';
import LZString from 'lz-string';
import { hostLog, lab, send } from './embedHost.ts';
import { button, statusLine } from './lab.ts';

/** The Sim time metric: its exact value in ms is in `data-value`. */
const simTime = (page: Page | FrameLocator): Locator => page.locator('[data-metric="sim-time"]');
const banner = (page: Page | FrameLocator): Locator => page.locator('[data-banner="load-report"]');

// --- the embed, driven by its host page (public/embed-host.html) ---

/** Sends `message` with `id` and returns the ack with that id. */
async function ackOf(page: Page, id: string, message: object): Promise<Record<string, unknown>> {
  await send(page, { ...message, id });
  const ack = hostLog(page, 'ack').filter({ hasText: `"id":"${id}"` });
  await expect(ack).toHaveCount(1);
  return JSON.parse((await ack.textContent()) ?? '{}') as Record<string, unknown>;
}

async function lastState(page: Page): Promise<Record<string, unknown>> {
  return JSON.parse((await hostLog(page, 'state').last().textContent()) ?? '{}') as Record<string, unknown>;
}

/** Opens the host page and lets the embedded lab run past `ms` of simulated time, then pauses it. */
async function embedRunPast(page: Page, ms: number): Promise<number> {
  await page.goto('/embed-host.html');
  await expect(hostLog(page, 'ready')).toHaveCount(1, { timeout: 20_000 });
  const frame = lab(page);
  await expect(frame.locator('[data-node-id]')).toHaveCount(3);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect
    .poll(async () => Number(await simTime(frame).getAttribute('data-value')), { timeout: 20_000 })
    .toBeGreaterThan(ms);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(button(frame as unknown as Page, 'Play')).toBeVisible();
  const end = (await lastState(page)).time as number;
  await expect(simTime(frame)).toHaveAttribute('data-value', String(end));
  return end;
}

test.describe('the embed’s seek message', () => {
  test('shows the instant asked for, paused, and the state says so; past the end shows the end', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const end = await embedRunPast(page, 1500);
    const frame = lab(page);
    expect(await lastState(page)).toMatchObject({ playing: false, time: end, live: true, end });

    expect(await ackOf(page, 'to-1s', { type: 'seek', time: 1000 })).toMatchObject({
      command: 'seek',
      ok: true,
    });
    // The state comes before the ack.
    expect(await lastState(page)).toEqual({
      source: 'replication-lab',
      v: 1,
      type: 'state',
      playing: false,
      time: 1000,
      live: false,
      end,
    });
    await expect(simTime(frame)).toHaveAttribute('data-value', '1000');
    await expect(simTime(frame)).toHaveText('1.00 s');

    // Past the end: the end, live again, and the lab's status line says why.
    expect(await ackOf(page, 'past', { type: 'seek', time: end + 60_000 })).toMatchObject({ ok: true });
    expect(await lastState(page)).toMatchObject({ playing: false, time: end, live: true, end });
    await expect(simTime(frame)).toHaveAttribute('data-value', String(end));
    await expect(statusLine(frame as unknown as Page)).toContainText(
      "is past the run's end: showing its end",
    );

    // The host page's own Seek button.
    await page.getByRole('button', { name: 'Show 1 s' }).click();
    await expect(simTime(frame)).toHaveAttribute('data-value', '1000');
  });

  test('refuses a time that is no instant, naming what is wrong, and changes nothing', async ({ page }) => {
    test.setTimeout(60_000);
    await embedRunPast(page, 500);
    const frame = lab(page);
    expect(await ackOf(page, 'ok', { type: 'seek', time: 250 })).toMatchObject({ ok: true });
    await expect(simTime(frame)).toHaveAttribute('data-value', '250');
    const states = await hostLog(page, 'state').count();

    const refused: [string, object, string][] = [
      ['negative', { time: -5 }, 'time: must be a number of ms ≥ 0 (this one is -5)'],
      ['nan', { time: Number.NaN }, 'time: must be a number of ms ≥ 0 (this one is NaN)'],
      ['string', { time: '100' }, 'time: must be a number of ms ≥ 0 (this one is a string)'],
      ['missing', {}, 'time: must be a number of ms ≥ 0 (it is missing)'],
    ];
    for (const [id, fields, problem] of refused) {
      expect(await ackOf(page, id, { type: 'seek', ...fields })).toMatchObject({
        command: 'unknown',
        ok: false,
        problems: [problem],
      });
    }
    await expect(simTime(frame)).toHaveAttribute('data-value', '250');
    await expect(hostLog(page, 'state')).toHaveCount(states);
  });

  test('links out to the full lab at the instant it shows', async ({ page, context }) => {
    test.setTimeout(60_000);
    const end = await embedRunPast(page, 1500);
    expect(await ackOf(page, 'back', { type: 'seek', time: 1234.5 })).toMatchObject({ ok: true });
    const out = lab(page).getByRole('link', { name: 'Open in Replication Lab' });
    await out.focus();
    await expect(out).toHaveAttribute('href', /#s=v1z:/);
    const full = await context.newPage();
    await full.goto((await out.getAttribute('href')) ?? '/');
    await expect(full.locator('[data-node-id]')).toHaveCount(3);
    await expect(simTime(full)).toHaveAttribute('data-value', '1234.5');
    await expect(button(full, 'Play')).toBeVisible();
    await expect(banner(full)).toHaveCount(0);
    // The run itself goes on to where the embed had run it.
    const made = await full.evaluate(() => location.hash);
    const payload = JSON.parse(LZString.decompressFromEncodedURIComponent(made.replace(/^#s=v1z:/, ''))) as {
      time: number;
      at: number;
      v: number;
    };
    expect(payload).toMatchObject({ v: 2, time: end, at: 1234.5 });
  });
});

// --- share links that carry `at` ---

const MASTER_SLAVE = [
  { id: 'db1', role: 'primary' },
  { id: 'db2', role: 'replica', upstream: 'db1' },
  { id: 'db3', role: 'replica', upstream: 'db1' },
];
/** A run of 3 s with a workload, a write and a kill, shown at `at` (when given). */
const run = (at?: unknown) => ({
  v: 2,
  scenario: { name: 'Shown in the past', nodes: MASTER_SLAVE, seed: 7 },
  commands: [
    { at: 0, type: 'startWorkload', args: [{ writesPerSec: 4, readsPerSec: 2, keys: 5 }] },
    { at: 400, type: 'write', args: ['db1', 'balance', '100'] },
    { at: 2000, type: 'kill', args: ['db2'] },
  ],
  time: 3000,
  ...(at === undefined ? {} : { at }),
});
const link = (payload: object) => `#s=v1z:${LZString.compressToEncodedURIComponent(JSON.stringify(payload))}`;

test.describe('a share link that carries `at`', () => {
  test('opens at that instant, paused, as the run was then', async ({ page }) => {
    await page.goto(`/${link(run(1250))}`);
    await expect(simTime(page)).toHaveAttribute('data-value', '1250');
    await expect(button(page, 'Play')).toBeVisible();
    await expect(banner(page)).toHaveCount(0);
    // db2 is killed at 2 s: at 1.25 s it is still up, and the write of 0.4 s has reached it.
    await expect(page.locator('[data-node-id="db2"]')).not.toHaveAttribute('data-status', 'down');
    await expect(page.getByRole('list', { name: 'Events, newest first' })).toContainText('balance');

    // The same run without `at` opens at its end, db2 down.
    await page.goto(`/${link(run())}`);
    await expect(simTime(page)).toHaveAttribute('data-value', '3000');
    await expect(page.locator('[data-node-id="db2"]')).toHaveAttribute('data-status', 'down');
  });

  test('opened in the past, shares that instant again', async ({ page }) => {
    await page.goto(`/${link(run(1250))}`);
    await expect(simTime(page)).toHaveAttribute('data-value', '1250');
    await button(page, 'Share').click();
    const dialog = page.getByRole('dialog', { name: 'Share this run' });
    await expect(dialog).toContainText('as it stands at 1.25 s (it goes on to 3.00 s): the same scenario');
    const shared = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
    const payload = JSON.parse(
      LZString.decompressFromEncodedURIComponent(shared.replace(/^.*#s=v1z:/, '')),
    ) as Record<string, unknown>;
    expect(payload).toEqual(run(1250));
  });

  test('past the run’s end opens at the end, and the status line says so', async ({ page }) => {
    await page.goto(`/${link(run(9000))}`);
    await expect(simTime(page)).toHaveAttribute('data-value', '3000');
    await expect(statusLine(page)).toContainText("9.00 s is past the run's end: showing its end, 3.00 s.");
    await expect(banner(page)).toHaveCount(0);
  });

  for (const [bad, kind] of [
    [-5, '-5'],
    ['soon', 'a string'],
    [null, 'null'],
  ] as const) {
    test(`with at = ${JSON.stringify(bad)} opens the rest of the run at its end, naming the problem`, async ({
      page,
    }) => {
      await page.goto(`/?theme=purple${link(run(bad))}`);
      await expect(banner(page)).toContainText('Some options in this link were ignored.');
      await expect(banner(page).getByRole('listitem')).toHaveText([
        `at: must be a number of ms ≥ 0 (this one is ${kind}); the run opens at its end`,
        /^\?theme: .*ignored$/,
      ]);
      await expect(simTime(page)).toHaveAttribute('data-value', '3000');
      await expect(page.locator('p.caption')).toContainText('Shown in the past');
      await expect(page.locator('[data-node-id="db2"]')).toHaveAttribute('data-status', 'down');
    });
  }

  test('pasted into an open tab, loads the run at that instant; a bad one is named after it loads', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.locator('[data-node-id]')).toHaveCount(3);
    await page.evaluate(
      (hash) => {
        location.hash = hash;
      },
      link(run(777)),
    );
    await expect(simTime(page)).toHaveAttribute('data-value', '777');
    await expect(banner(page)).toHaveCount(0);

    await page.evaluate(
      (hash) => {
        location.hash = hash;
      },
      link(run(-1)),
    );
    await expect(banner(page).getByRole('listitem')).toHaveText([
      'at: must be a number of ms ≥ 0 (this one is -1); the run opens at its end',
    ]);
    await expect(simTime(page)).toHaveAttribute('data-value', '3000');
  });

  test('made by the format-1 build (before `at`) still opens as it did', async ({ page }) => {
    const v1 = JSON.parse(await readFile('src/app/share/fixtures/v1-links.json', 'utf8')) as {
      v1z: string;
    };
    await page.goto(`/#s=${v1.v1z}`);
    await expect(page.locator('[data-node-id]')).toHaveCount(3);
    await expect(simTime(page)).toHaveAttribute('data-value', '1500.5');
    await expect(banner(page)).toHaveCount(0);
    await expect(page.locator('[data-node-id="db1"]')).toHaveAttribute('data-status', 'down');
  });
});
