/** The space-time diagram: lanes per node, arrows named and ringed on the graph, the shared cursor. */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { button, openPaused, writeVia } from './lab.ts';

const diagram = (page: Page) => page.getByRole('region', { name: 'Space-time diagram' });
const slider = (page: Page) => page.getByRole('slider', { name: 'Timeline' });
const messages = (page: Page) => diagram(page).getByRole('group', { name: /^Messages/ });
const picked = (page: Page) => diagram(page).locator('#spacetime-picked');

async function open(page: Page): Promise<void> {
  await button(page, 'Space-time diagram').click();
  await expect(diagram(page).locator('canvas')).toBeVisible();
}

test.describe('space-time diagram', () => {
  test('opens from its control with a lane per node in topology order', async ({ page }) => {
    await openPaused(page);
    await expect(button(page, 'Space-time diagram')).toHaveAttribute('aria-expanded', 'false');
    await open(page);
    await expect(diagram(page).locator('[data-lane]')).toHaveCount(3);
    const lanes = await diagram(page)
      .locator('[data-lane]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-lane')));
    expect(lanes).toEqual(['db1', 'db2', 'db3']);

    // Resized taller (its bottom edge), the lanes share the room, up to 80 px each.
    const lane = diagram(page).locator('[data-lane="db3"]');
    expect((await lane.boundingBox())?.height).toBeCloseTo(30, 0);
    await diagram(page)
      .locator('.spacetime-frame')
      .evaluate((frame: HTMLElement) => {
        frame.style.height = '204px';
      });
    await expect.poll(async () => (await lane.boundingBox())?.height).toBeCloseTo(60, 0);
    expect((await diagram(page).locator('canvas').boundingBox())?.height).toBeCloseTo(204, 0);
  });

  test('names an arrow picked by keyboard and rings it on the graph while in flight', async ({ page }) => {
    await openPaused(page);
    await open(page);
    await writeVia(page, 'db1', 'balance', '100');
    // A few events on: the entry is on its way to the replicas.
    for (let i = 0; i < 3; i++) await button(page, 'Step').click();
    await expect(page.locator('.msg-glyph[data-kind="entries"]').first()).toBeAttached();
    // ← goes back from arrow to arrow (the workload's acknowledgements too) to an entries batch in flight.
    await messages(page).focus();
    const inFlight =
      /^db1 → db[23]: entr(y|ies) [\d–]+ \(writes? [#\d, ]+\), sent \d+\.\d\d s, still in flight$/;
    await expect
      .poll(
        async () => {
          await page.keyboard.press('ArrowLeft');
          return (await picked(page).textContent()) ?? '';
        },
        { timeout: 15_000 },
      )
      .toMatch(inFlight);
    const ringed = page.locator('.msg-glyph[data-highlighted="true"]');
    await expect(ringed).toHaveCount(1);
    await expect(ringed).toHaveAttribute('data-kind', 'entries');

    // Once it arrived (a moment of play: a batch takes tens of simulated ms, a step is one event of the
    // workload's many), the words say when, and nothing is ringed.
    await button(page, 'Play').click();
    await page.waitForTimeout(400);
    await button(page, 'Pause').click();
    await expect(picked(page)).toHaveText(/arrived \d+\.\d\d s$/);
    await expect(ringed).toHaveCount(0);
  });

  test('a click on the diagram moves the timeline’s cursor there; the table lists the messages', async ({
    page,
  }) => {
    await openPaused(page);
    await open(page);
    await button(page, 'Play').click();
    await page.waitForTimeout(1500);
    await button(page, 'Pause').click();
    const max = Number(await slider(page).getAttribute('aria-valuemax'));
    const canvas = diagram(page).locator('canvas');
    const bounds = await canvas.boundingBox();
    if (bounds === null) throw new Error('no canvas');
    // The diagram follows the instant shown: its right edge is now, so its middle is in the past.
    await canvas.click({ position: { x: 64 + (bounds.width - 72) / 2, y: bounds.height - 10 } });
    const now = Number(await slider(page).getAttribute('aria-valuenow'));
    expect(now).toBeLessThan(max);
    expect(now).toBeGreaterThan(0);
    await expect(page.getByText(/^Viewing \d+\.\d\d s of/)).toBeVisible();

    await diagram(page).getByRole('button', { name: 'Table' }).click();
    const table = diagram(page).getByRole('table');
    await expect(table.getByRole('row').nth(1)).toBeVisible();
    await expect(table.locator('caption')).toContainText('Messages sent from');
  });

  test('a click on a write’s dot follows it: the graph shows where it reached, the diagram when', async ({
    page,
  }) => {
    await openPaused(page);
    await open(page);
    await writeVia(page, 'db1', 'balance', '100');
    await button(page, 'Step').click();
    const canvas = diagram(page).locator('canvas');
    const bounds = await canvas.boundingBox();
    const lane = await diagram(page).locator('[data-lane="db1"]').boundingBox();
    if (bounds === null || lane === null) throw new Error('no diagram');
    // Writing followed it; closed, nothing is followed.
    const details = page.getByRole('group', { name: /^Operation #\d+$/ });
    const name = (await details.getAttribute('aria-label')) ?? '';
    await details.getByRole('button', { name: 'Close' }).click();
    const reach = page.locator('[data-write-reach]');
    await expect(reach).toHaveCount(0);
    // The write's dot sits 9 px above db1's line where it was acknowledged, a step ago: about now. The
    // window (4 s, following) ends now, or at 4 s before then; the plot spans from 64 px to 8 px short
    // of the canvas's right edge.
    const now = Number(await slider(page).getAttribute('aria-valuenow'));
    const x = 64 + (Math.min(now, 4000) / 4000) * (bounds.width - 72);
    await canvas.click({ position: { x: x - 1, y: lane.y - bounds.y + lane.height / 2 - 9 } });
    await expect(page.locator('[data-node-id="db1"]')).toHaveAttribute('data-write-reach', 'applied');
    await expect(reach).toHaveCount(3);
    // The write followed is the one under the dot: this one, or the workload's at the same instant.
    expect(name).toMatch(/^Operation #\d+$/);
    await expect(page.locator('.legend-reach')).toContainText(/write #\d+/);
  });

  test('two fingers pinch the window: apart zooms in around them, together zooms out', async ({ page }) => {
    await openPaused(page);
    await open(page);
    await button(page, 'Play').click();
    await page.waitForTimeout(1000);
    await button(page, 'Pause').click();
    const range = diagram(page).locator('.spacetime-range');
    const spanOf = async () => {
      const [from, to] = ((await range.textContent()) ?? '').match(/\d+\.\d+/g)?.map(Number) ?? [];
      return (to ?? NaN) - (from ?? NaN);
    };
    const before = await spanOf();
    /** Two touches at x = a and b (px into the canvas), then moved to c and d, then lifted. */
    const pinch = (a: number, b: number, c: number, d: number) =>
      diagram(page)
        .locator('canvas')
        .evaluate(
          (canvas, [a, b, c, d]: readonly [number, number, number, number]) => {
            const rect = canvas.getBoundingClientRect();
            const y = rect.top + rect.height / 2;
            const send = (type: string, pointerId: number, x: number) =>
              canvas.dispatchEvent(
                new PointerEvent(type, {
                  bubbles: true,
                  pointerId,
                  pointerType: 'touch',
                  isPrimary: pointerId === 1,
                  clientX: rect.left + x,
                  clientY: y,
                  button: type === 'pointermove' ? -1 : 0,
                }),
              );
            send('pointerdown', 1, a);
            send('pointerdown', 2, b);
            for (let step = 1; step <= 4; step++) {
              send('pointermove', 1, a + ((c - a) * step) / 4);
              send('pointermove', 2, b + ((d - b) * step) / 4);
            }
            send('pointerup', 1, c);
            send('pointerup', 2, d);
          },
          [a, b, c, d] as const,
        );
    await pinch(300, 400, 200, 500);
    // Fingers three times as far apart: a window about a third as wide (its edges read to 0.01 s).
    await expect.poll(spanOf).toBeLessThan(before / 2);
    const zoomed = await spanOf();
    // Lifting the fingers showed no instant: the run is still at its end.
    await expect(page.getByText(/^Viewing \d+\.\d\d s of/)).toHaveCount(0);
    await pinch(200, 500, 300, 400);
    // Back together: wider again (at most the run so far).
    await expect.poll(spanOf).toBeGreaterThan(zoomed * 2);
  });

  test('exports as SVG with the lanes, the arrows, the key and the share link', async ({ page }) => {
    await openPaused(page);
    await writeVia(page, 'db1', 'balance', '100');
    for (let i = 0; i < 8; i++) await button(page, 'Step').click();
    await button(page, 'Share').click();
    const dialog = page.getByRole('dialog', { name: 'Share this run' });
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Space-time diagram SVG' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/-space-time\.svg$/);
    const svg = await readFile(await file.path(), 'utf8');
    expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toMatch(/<metadata>http:\/\/localhost:\d+\/#s=v1z:/);
    for (const text of ['>db1<', '>db2<', '>db3<', 'entries (solid line, dot)', 'space-time diagram at'])
      expect(svg).toContain(text);
    // Arrows: at least the write's entries to both replicas and their acknowledgements.
    expect((svg.match(/<path /g) ?? []).length).toBeGreaterThan(4);
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Space-time diagram PNG' }).click(),
    ]);
    expect(png.suggestedFilename()).toMatch(/-space-time\.png$/);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`has no moderate or worse axe violations open in ${colorScheme}`, async ({ page }) => {
      test.setTimeout(60_000);
      await page.emulateMedia({ colorScheme });
      await openPaused(page);
      await open(page);
      await button(page, 'Step').click();
      await diagram(page).getByRole('button', { name: 'Table' }).click();
      const { violations } = await new AxeBuilder({ page }).include('.spacetime-panel').analyze();
      const blocking = violations.filter((v) => v.impact !== 'minor').map((v) => `${v.id}: ${v.help}`);
      expect(blocking).toEqual([]);
    });
  }
});
