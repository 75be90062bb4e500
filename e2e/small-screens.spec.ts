/**
 * Phones and small frames (layoutTier.ts `small`): no sideways scrolling, every control reachable (in the
 * row or behind More) and named as before, 44 px touch targets, a graph that keeps half the height, and
 * the timeline over the graph on request.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { box, button, node, nodeMenu, openPaused } from './lab.ts';

const graph = (page: Page) => page.locator('.graph');
const more = (page: Page) => button(page, 'More');
const keyToggle = (page: Page) => page.getByRole('button', { name: /^Legend( and metrics)?$/ });
const timelineToggle = (page: Page) => page.getByRole('button', { name: /^Show timeline/ });
const slider = (page: Page) => page.getByRole('slider', { name: 'Timeline' });

/**
 * Nothing is wider than the window: not the page (a phone would lay it out wider and zoom out, so the
 * window's own width is the measure, not `innerWidth`), and no box inside scrolls sideways either.
 */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = page.viewportSize()!.width;
  const found = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    inner: innerWidth,
    scrollers: [...document.querySelectorAll('*')]
      .filter((e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
      .filter((e) => e.scrollWidth > e.clientWidth + 1)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
  }));
  expect(found.page).toBeLessThanOrEqual(width);
  expect(found.page).toBeLessThanOrEqual(found.inner);
  expect(found.scrollers).toEqual([]);
}

/**
 * Inside the window, and a click would land on it (Playwright's actionability checks, without clicking): at
 * its centre, or at `at` (a point of it, from its left and top).
 */
async function expectReachable(
  page: Page,
  control: Locator,
  at?: (b: { width: number; height: number }) => { x: number; y: number },
): Promise<void> {
  await expect(control).toBeVisible();
  const b = await box(control);
  const { width, height } = page.viewportSize()!;
  expect(b.x).toBeGreaterThanOrEqual(0);
  expect(b.x + b.width).toBeLessThanOrEqual(width + 0.5);
  expect(b.y).toBeGreaterThanOrEqual(0);
  expect(b.y + b.height).toBeLessThanOrEqual(height + 0.5);
  await control.click({ trial: true, timeout: 2_000, ...(at === undefined ? {} : { position: at(b) }) });
}

/** Every shown button and select in these places is at least 44 px both ways. */
async function expectTouchTargets(page: Page, selector: string): Promise<void> {
  const small = await page.locator(selector).evaluateAll((places) =>
    places
      .flatMap((place) => [...place.querySelectorAll('button, select, a')])
      .map((e) => ({ name: e.getAttribute('aria-label') ?? e.textContent, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0 && (r.width < 44 || r.height < 44))
      .map(({ name, r }) => `${name} ${Math.round(r.width)}×${Math.round(r.height)}`),
  );
  expect(small).toEqual([]);
}

/**
 * The caption's toggle (there when the caption does not fit its line) is a line tall, but a finger 40 px
 * below its top still lands on it.
 */
async function expectCaptionToggleTarget(page: Page): Promise<void> {
  const toggle = button(page, 'Whole caption');
  if ((await toggle.count()) === 0) {
    const line = page.locator('.caption-text');
    expect(await line.evaluate((l) => l.scrollWidth <= l.clientWidth + 1)).toBe(true);
    return;
  }
  const b = await box(toggle);
  expect(b.width).toBeGreaterThanOrEqual(44);
  const hit = await toggle.evaluate((t, y) => {
    const r = t.getBoundingClientRect();
    return t.contains(document.elementFromPoint(r.x + r.width / 2, r.y + y));
  }, 40);
  expect(hit).toBe(true);
}

/** The title, however it wraps, ends before the toolbar starts. */
async function expectTitleBesideToolbar(page: Page): Promise<void> {
  const [title, toolbar] = await Promise.all(
    [page.locator('.lab-header h1'), page.getByRole('toolbar', { name: 'Simulation controls' })].map((l) =>
      l.evaluate((e) => {
        // The title's words, not its box: a word too long for a shrunk box spills out of it.
        const range = document.createRange();
        range.selectNodeContents(e);
        const r = e.tagName === 'H1' ? range.getBoundingClientRect() : e.getBoundingClientRect();
        return { left: r.left, right: r.right };
      }),
    ),
  );
  expect(title!.right).toBeLessThanOrEqual(toolbar!.left + 0.5);
}

/** The controls that left the row are behind More, named as before; More closes with Escape. */
async function expectBehindMore(page: Page, names: readonly (string | RegExp)[]): Promise<void> {
  await more(page).click();
  await expect(more(page)).toHaveAttribute('aria-expanded', 'true');
  for (const name of names) {
    const control =
      name === 'Speed' || name === 'Topology'
        ? page.getByRole('combobox', { name })
        : page.getByRole('button', { name, exact: true });
    await expectReachable(page, control);
  }
  await expectNoSidewaysScroll(page);
  await expectTouchTargets(page, '.more-panel');
  await page.keyboard.press('Escape');
  await expect(more(page)).toHaveAttribute('aria-expanded', 'false');
}

/** The instant shown and the run's furthest, in ms. */
async function shown(page: Page): Promise<{ now: number; max: number }> {
  const [now, max] = await Promise.all(
    ['aria-valuenow', 'aria-valuemax'].map(async (name) => Number(await slider(page).getAttribute(name))),
  );
  return { now: now!, max: max! };
}

async function playFor(page: Page, ms: number): Promise<void> {
  await button(page, 'Play').click();
  await page.waitForTimeout(ms);
  await button(page, 'Pause').click();
}

/**
 * The timeline's toggle opens it over the bottom of the graph (the graph keeps its box, the nodes fit above
 * it) with the focus on the slider; the keys scrub it; Escape closes it and gives the focus back to the
 * toggle, which then says the lab shows the past.
 */
async function expectScrubOverTheGraph(page: Page, open: (toggle: Locator) => Promise<void>): Promise<void> {
  const before = await box(graph(page));
  await expect(slider(page)).toHaveCount(0);
  await expect(timelineToggle(page)).toHaveAccessibleName('Show timeline');
  await expect(timelineToggle(page)).toHaveAttribute('aria-expanded', 'false');
  await expectReachable(page, timelineToggle(page));

  await open(timelineToggle(page));
  await expect(timelineToggle(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(slider(page)).toBeFocused();
  // At its live end: a marker button (an event's instant) may lie over any other point of the rail.
  await expectReachable(page, slider(page), (b) => ({ x: b.width - 2, y: b.height / 2 }));
  expect(await box(graph(page))).toEqual(before);
  const timeline = await box(page.getByRole('group', { name: 'Time travel' }));
  expect(timeline.y).toBeGreaterThan(before.y);
  expect(timeline.y + timeline.height).toBeLessThanOrEqual(before.y + before.height + 0.5);
  for (const id of ['db1', 'db2', 'db3']) {
    const n = await box(node(page, id));
    expect(n.y + n.height, `${id} above the timeline`).toBeLessThanOrEqual(timeline.y + 0.5);
  }
  await expectNoSidewaysScroll(page);
  await expect(button(page, 'Live')).toBeDisabled();

  const end = await shown(page);
  expect(end.now).toBe(end.max);
  await page.keyboard.press('ArrowLeft');
  expect((await shown(page)).now).toBeLessThan(end.now);
  await expect(button(page, 'Live')).toBeEnabled();
  await page.keyboard.press('Home');
  await expect(slider(page)).toHaveAttribute('aria-valuenow', '0');
  await expect(slider(page)).toHaveAttribute('aria-valuemax', String(end.max));
  // A banner of the instant shown (read-only, say) can come or go above the graph; closing moves nothing.
  const atStart = await box(graph(page));

  await page.keyboard.press('Escape');
  await expect(slider(page)).toHaveCount(0);
  await expect(timelineToggle(page)).toBeFocused();
  await expect(timelineToggle(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(timelineToggle(page)).toHaveAccessibleName('Show timeline (viewing the past)');
  expect(await box(graph(page))).toEqual(atStart);
}

const PHONES = [
  { width: 320, height: 568 },
  { width: 390, height: 844 },
] as const;

for (const viewport of PHONES) {
  test.describe(`the full lab on a ${viewport.width}×${viewport.height} phone`, () => {
    test.use({ viewport, hasTouch: true, isMobile: true });

    test('never scrolls sideways, keeps every control reachable and 44 px, and gives the graph the window', async ({
      page,
    }) => {
      await openPaused(page);
      await expectNoSidewaysScroll(page);
      await expectTitleBesideToolbar(page);
      for (const name of ['Play', 'Step', 'More', 'Lessons']) await expectReachable(page, button(page, name));
      await expectTouchTargets(page, '.lab-header, .graph-footer');
      await expectCaptionToggleTarget(page);
      expect((await box(graph(page))).height).toBeGreaterThan(viewport.height / 2);

      await expectBehindMore(page, [
        'Speed',
        'Reset',
        'Topology',
        'Settings',
        'Keyboard shortcuts',
        /^Theme: /,
        'Present',
        'Share',
      ]);

      // Lessons and Settings open inside the window.
      await button(page, 'Lessons').click();
      await expect(page.getByRole('group', { name: 'Lessons' })).toBeVisible();
      await expectNoSidewaysScroll(page);
      await page.keyboard.press('Escape');
      await more(page).click();
      await page.getByRole('button', { name: 'Settings' }).click();
      await expect(page.locator('#settings-panel')).toBeVisible();
      await expectNoSidewaysScroll(page);
    });

    test('presents with its contrast and strokes, one header row and nothing overlapping', async ({
      page,
    }) => {
      await openPaused(page, '/?mode=present');
      await expect(page.locator('.lab--present')).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectTitleBesideToolbar(page);
      for (const name of ['Play', 'Step', 'More', 'Lessons']) await expectReachable(page, button(page, name));
      await expectTouchTargets(page, '.lab-header, .graph-footer');
    });

    test('lays the timeline over the graph on request, to scrub by key, pointer and marker, and back to live', async ({
      page,
    }) => {
      test.setTimeout(60_000);
      await openPaused(page);
      await playFor(page, 600);
      // From the node's menu, so the page does not scroll down to the details.
      await node(page, 'db1').click();
      await nodeMenu(page, 'db1').getByRole('menuitem', { name: 'Kill' }).click();
      await expect(node(page, 'db1')).toHaveAttribute('data-status', 'down');
      await playFor(page, 600);
      await expectScrubOverTheGraph(page, (toggle) => toggle.click());

      // Open again: a marker shows its instant, a drag on the rail scrubs, Live returns to the present.
      await timelineToggle(page).click();
      await expectTouchTargets(page, '.timeline-info');
      const killed = page.getByRole('group', { name: 'Markers' }).getByRole('button', { name: /db1 killed/ });
      await expect(killed).toHaveAttribute('data-marker-kind', 'kill');
      await killed.click();
      await expect(slider(page)).toHaveAttribute(
        'aria-valuenow',
        (await killed.getAttribute('data-time')) ?? '',
      );
      await expect(node(page, 'db1')).toHaveAttribute('data-status', 'down');
      const rail = await box(slider(page));
      await page.mouse.move(rail.x + rail.width - 2, rail.y + rail.height / 2);
      await page.mouse.down();
      await page.mouse.move(rail.x + rail.width * 0.2, rail.y + rail.height / 2, { steps: 4 });
      await page.mouse.up();
      const dragged = await shown(page);
      expect(dragged.now).toBeGreaterThan(0);
      expect(dragged.now).toBeLessThan(dragged.max / 2);
      await expect(node(page, 'db1')).toHaveAttribute('data-status', 'up');
      await button(page, 'Live').click();
      const live = await shown(page);
      expect(live.now).toBe(live.max);
      await expect(timelineToggle(page)).toHaveAccessibleName('Show timeline');
      await timelineToggle(page).click();
      await expect(slider(page)).toHaveCount(0);
    });

    test('shows the legend and metrics over the graph on request, and the details scroll up under it', async ({
      page,
    }) => {
      await openPaused(page);
      const before = await box(graph(page));
      await expect(page.locator('.legend')).toBeHidden();
      await expect(keyToggle(page)).toHaveAccessibleName('Legend and metrics');
      await keyToggle(page).click();
      await expect(keyToggle(page)).toHaveAttribute('aria-expanded', 'true');
      await expect(page.locator('.legend')).toBeVisible();
      await expect(page.locator('[data-metric="sim-time"]')).toBeVisible();
      expect(await box(graph(page))).toEqual(before);
      await keyToggle(page).click();
      await expect(page.locator('.legend')).toBeHidden();

      // The picked node's buttons are reachable by scrolling, never sideways.
      await node(page, 'db1').click();
      await page.keyboard.press('Escape');
      const kill = page
        .locator('[data-node-details="db1"]')
        .getByRole('button', { name: 'Kill', exact: true });
      await kill.scrollIntoViewIfNeeded();
      await expectNoSidewaysScroll(page);
      await kill.click();
      await expect(node(page, 'db1')).toHaveAttribute('data-status', 'down');
    });
  });
}

const SMALL_EMBEDS = [
  { viewport: { width: 360, height: 300 }, touch: false },
  { viewport: { width: 360, height: 300 }, touch: true },
  { viewport: { width: 480, height: 320 }, touch: false },
  { viewport: { width: 360, height: 480 }, touch: true },
] as const;

for (const { viewport, touch } of SMALL_EMBEDS) {
  test.describe(`the embed in a ${viewport.width}×${viewport.height} frame${touch ? ' (touch)' : ''}`, () => {
    test.use({ viewport, hasTouch: touch, isMobile: touch });

    test('keeps half its height for the graph, one row of 44 px controls, and every control reachable', async ({
      page,
    }) => {
      await openPaused(page, '/embed');
      expect((await box(graph(page))).height).toBeGreaterThanOrEqual(viewport.height / 2);
      await expectNoSidewaysScroll(page);
      const row = ['Play', 'Step', 'More', 'Lessons'].map((name) => button(page, name));
      for (const control of row) await expectReachable(page, control);
      const centres = await Promise.all(row.map(async (c) => ((b) => b.y + b.height / 2)(await box(c))));
      expect(Math.max(...centres) - Math.min(...centres)).toBeLessThan(4);
      for (const name of ['Legend and metrics', 'Details', 'Charts and events', 'Topology table'])
        await expectReachable(page, button(page, name));
      await expectTouchTargets(page, '.lab-header, .graph-footer');
      await expectCaptionToggleTarget(page);
      await expectBehindMore(page, ['Speed', 'Reset', 'Settings', 'Keyboard shortcuts', /^Theme: /]);
    });

    test('lays the legend, metrics, details and charts over the graph without resizing it', async ({
      page,
    }) => {
      await openPaused(page, '/embed');
      const before = await box(graph(page));
      await expect(page.locator('.legend')).toBeHidden();
      await expect(page.locator('dl.metrics')).toBeHidden();

      // By keyboard: the toggle is a disclosure.
      await keyToggle(page).focus();
      await page.keyboard.press('Enter');
      await expect(keyToggle(page)).toHaveAttribute('aria-expanded', 'true');
      await expect(page.locator('.legend')).toBeVisible();
      await expect(page.locator('[data-metric="sim-time"]')).toBeVisible();
      expect(await box(graph(page))).toEqual(before);
      await page.keyboard.press('Enter');
      await expect(page.locator('.legend')).toBeHidden();

      // A picked node's details lie over the graph, which keeps its size.
      await node(page, 'db2').click();
      await page.keyboard.press('Escape');
      await button(page, 'Details').click();
      const details = page.locator('[data-node-details="db2"]');
      await expect(details).toBeVisible();
      expect(await box(graph(page))).toEqual(before);
      await details.getByRole('button', { name: 'Kill', exact: true }).click();
      await expect(node(page, 'db2')).toHaveAttribute('data-status', 'down');
      await button(page, 'Details').click();
      await expect(details).toBeHidden();

      await button(page, 'Charts and events').click();
      await expect(page.locator('#panel-dock-overlay')).toBeVisible();
      expect(await box(graph(page))).toEqual(before);
      await expectNoSidewaysScroll(page);
    });
  });
}

for (const { viewport, touch } of [
  { viewport: { width: 400, height: 300 }, touch: false },
  { viewport: { width: 360, height: 300 }, touch: true },
] as const) {
  test.describe(`the embed in a ${viewport.width}×${viewport.height} frame${touch ? ' (touch)' : ''}`, () => {
    test.use({ viewport, hasTouch: touch, isMobile: touch });

    test('lays the timeline over the graph by keyboard, scrubs it and closes it with Escape', async ({
      page,
    }) => {
      await openPaused(page, '/embed');
      await playFor(page, 800);
      await expectScrubOverTheGraph(page, async (toggle) => {
        await toggle.focus();
        await page.keyboard.press('Enter');
      });
      // With the legend too, the key lies above the timeline, over the graph.
      await page.keyboard.press('Enter');
      await keyToggle(page).click();
      const [key, timeline] = await Promise.all([box(page.locator('#graph-key')), box(slider(page))]);
      expect(key.y + key.height).toBeLessThanOrEqual(timeline.y + 0.5);
      expect((await box(graph(page))).height).toBeGreaterThanOrEqual(viewport.height / 2);
    });
  });
}

test('the 640×400 embed keeps its legend, metrics and labelled controls in view', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 400 });
  await openPaused(page, '/embed');
  await expect(page.locator('.legend')).toBeVisible();
  await expect(page.locator('dl.metrics')).toBeVisible();
  await expect(keyToggle(page)).toHaveCount(0);
  await expect(button(page, 'More')).toHaveCount(0);
  await expect(button(page, 'Reset')).toBeVisible();
  expect((await box(graph(page))).height).toBeGreaterThanOrEqual(200);
});

/** Waits for the layout to follow a resize: the tier's media queries re-render the lab on the next frames. */
async function resize(page: Page, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.evaluate(
    () =>
      new Promise((done) => {
        requestAnimationFrame(() => {
          requestAnimationFrame(() => {
            done(null);
          });
        });
      }),
  );
}

test('the full lab never scrolls sideways at any width from 320 to 1280 px, short or tall', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await openPaused(page);
  for (const height of [375, 568, 900])
    for (const width of [
      320, 360, 414, 480, 500, 501, 560, 640, 700, 760, 761, 900, 1024, 1100, 1101, 1280,
    ]) {
      await resize(page, width, height);
      await expectNoSidewaysScroll(page);
      await expect(button(page, 'Lessons')).toBeInViewport({ ratio: 1 });
      await expect(page.getByRole('button', { name: /^(More|Share)$/ })).toBeInViewport({ ratio: 1 });
    }
});

test('a small embed of any size keeps half its height for the graph and never scrolls sideways', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 320, height: 300 });
  await openPaused(page, '/embed');
  for (const [width, height] of [
    [320, 300],
    [320, 400],
    [400, 340],
    [500, 380],
    [560, 399],
    [639, 420],
    [700, 360],
    [900, 300],
  ] as const) {
    await resize(page, width, height);
    await expectNoSidewaysScroll(page);
    expect((await box(graph(page))).height, `the graph at ${width}×${height}`).toBeGreaterThanOrEqual(
      height / 2,
    );
    for (const name of ['Play', 'Step', 'More', 'Lessons'])
      await expect(button(page, name)).toBeInViewport({ ratio: 1 });
  }
});
