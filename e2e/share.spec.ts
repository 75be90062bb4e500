/** Share links reproduce a run exactly; bad links open the default with a banner; files and pictures export. */
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { button, node, openPaused, writeVia } from './lab.ts';

const XSS = '<img src=x onerror="window.__pwned=1">';
const jsonLink = (payload: unknown) => `/#s=v1j:${encodeURIComponent(JSON.stringify(payload))}`;

/** Everything on screen that comes from the engine's events and history. */
async function runShown(page: Page) {
  return {
    time: await page.getByRole('term').filter({ hasText: 'Sim time' }).locator('+ dd').textContent(),
    metrics: await page.locator('dl.metrics').innerText(),
    // Text content, not innerText: the event log may be scrolled out of view, where it is not rendered.
    events: (
      await page.getByRole('list', { name: 'Events, newest first' }).getByRole('listitem').allTextContents()
    ).join('\n'),
    nodes: await page
      .locator('[data-node-id]')
      .evaluateAll((nodes) =>
        nodes.map((n) => [
          n.getAttribute('aria-label'),
          n.getAttribute('data-status'),
          n.getAttribute('data-lag-ms'),
        ]),
      ),
  };
}

async function openShare(page: Page) {
  await button(page, 'Share').click();
  const dialog = page.getByRole('dialog', { name: 'Share this run' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.describe('a share link', () => {
  test('reopens the identical run, paused at the same moment', async ({ page, context }) => {
    test.setTimeout(60_000);
    await openPaused(page);
    await writeVia(page, 'db1', 'balance', '100');
    for (let i = 0; i < 6; i++) await button(page, 'Step').click();
    await node(page, 'db2').click();
    await button(page, 'Kill').click();
    for (let i = 0; i < 4; i++) await button(page, 'Step').click();
    const before = await runShown(page);
    expect(before.events).toContain('balance');

    const dialog = await openShare(page);
    const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
    expect(link).toMatch(/\/#s=v1z:[A-Za-z0-9+\-$]+$/);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button(page, 'Share')).toBeFocused();

    const copy = await context.newPage();
    await copy.goto(link);
    await expect(button(copy, 'Play')).toBeVisible();
    await expect(copy.locator('[data-node-id]')).toHaveCount(3);
    expect(await runShown(copy)).toEqual(before);
    await expect(copy.locator('[data-banner="load-report"]')).toHaveCount(0);
  });

  test('with a cut-off run opens the default scenario and says why', async ({ page, context }) => {
    await openPaused(page);
    const link = await (await openShare(page)).getByRole('textbox', { name: 'Share link' }).inputValue();
    const cut = await context.newPage();
    await cut.goto(link.slice(0, -20));
    const banner = cut.locator('[data-banner="load-report"]');
    await expect(banner).toContainText('could not be opened, so the default scenario opened instead');
    await expect(banner.getByRole('listitem')).toHaveText([
      'link: the compressed data is damaged or cut off',
    ]);
    await expect(cut.locator('[data-node-id]')).toHaveCount(3);
    await expect(cut.getByText('A master replicates every write to two slaves')).toBeVisible();

    // Pasted into a tab that is already open, the same link leaves that tab's run alone.
    await page.keyboard.press('Escape');
    await page.goto(link.slice(0, -20));
    await expect(page.locator('[data-banner="load-report"]')).toContainText('the lab kept its run');
  });

  test('with invalid fields lists each problem by its path', async ({ page }) => {
    await page.goto(
      jsonLink({
        v: 1,
        scenario: {
          nodes: [
            { id: 'db1', role: 'boss' },
            { id: 'db2', role: 'replica', upstream: 'db9' },
          ],
        },
        commands: [{ at: 0, type: 'kill', args: [] }],
        time: 5,
      }).replace('/#', '/?theme=purple#'),
    );
    const problems = page.locator('[data-banner="load-report"] li');
    await expect(problems).toHaveText([
      /^scenario\.nodes\[0\]\.role: /,
      /^commands\[0\]\.args: /,
      /^\?theme: .*ignored$/,
    ]);
    await expect(page.locator('[data-node-id]')).toHaveCount(3);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(problems).toHaveCount(0);
  });

  test('renders markup from a link as plain text', async ({ page }) => {
    await page.goto(
      jsonLink({
        v: 1,
        scenario: {
          name: XSS,
          nodes: [
            { id: 'db1', role: 'primary' },
            { id: 'db2', role: 'replica', upstream: 'db1' },
          ],
        },
        commands: [{ at: 0, type: 'write', args: ['db1', XSS, XSS] }],
        time: 1000,
      }),
    );
    // The caption opens with the imported scenario's name, as text.
    await expect(page.locator('p.caption')).toContainText(`${XSS}. A master replicates`);
    await expect(page.getByRole('list', { name: 'Events, newest first' })).toContainText(
      `committed ${XSS} = "${XSS}"`,
    );
    await node(page, 'db2').click();
    await expect(page.getByRole('table', { name: 'Data on db2' })).toContainText(XSS);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.locator('img')).toHaveCount(0);
  });
});

test.describe('the Share dialog', () => {
  test('exports and re-imports the scenario file', async ({ page }, info) => {
    await openPaused(page);
    await writeVia(page, 'db1', 'colour', 'blue');
    await button(page, 'Step').click();
    const dialog = await openShare(page);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download scenario JSON' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/^master-and-two-slaves-async-[\d.]+s\.json$/);
    const path = info.outputPath('run.json');
    await file.saveAs(path);
    const saved = JSON.parse(await readFile(path, 'utf8')) as { v: number; commands: { type: string }[] };
    expect(saved.v).toBe(1);
    expect(saved.commands.map((c) => c.type)).toContain('write');

    await dialog.getByLabel('Import scenario file').setInputFiles(path);
    await expect(dialog.getByText('Loaded run.json.')).toBeVisible();
    await expect(page.locator('p.status-line')).toHaveText(/Loaded run\.json/);

    const bad = info.outputPath('bad.json');
    await writeFile(bad, (await readFile(path, 'utf8')).replace('"primary"', '"boss"'));
    await dialog.getByLabel('Import scenario file').setInputFiles(bad);
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-banner="load-report"]')).toContainText('bad.json could not be loaded');
    await expect(page.locator('[data-banner="load-report"] li').first()).toHaveText(
      /^scenario\.nodes\[0\]\.role: /,
    );
  });

  test('downloads the graph as SVG and PNG, legend included', async ({ page }, info) => {
    await openPaused(page);
    const dialog = await openShare(page);
    const [svgFile] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download SVG' }).click(),
    ]);
    expect(svgFile.suggestedFilename()).toMatch(/\.svg$/);
    const svg = await readFile(await svgFile.path(), 'utf8');
    expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    for (const text of ['db1', 'db2', 'db3', '>master<', '>async link<', '>snapshot<'])
      expect(svg).toContain(text);
    expect(svg).toMatch(/<metadata>http:\/\/localhost:\d+\/#s=v1z:/);
    expect(svg).not.toContain('var(--');
    const width = Number(/^<svg[^>]* width="(\d+)"/.exec(svg)?.[1]);

    const [pngFile] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download PNG' }).click(),
    ]);
    expect(pngFile.suggestedFilename()).toMatch(/\.png$/);
    const png = await readFile(await pngFile.path());
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(png.readUInt32BE(16)).toBe(width * 2);
    expect(png.length).toBeGreaterThan(5000);
    await info.attach('graph.png', { body: png, contentType: 'image/png' });
  });
});
