/** Share links reproduce a run exactly; bad links open the default with a banner; files and pictures export. */
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import LZString from 'lz-string';
import { button, jsonLink, node, openPaused, selectNode, statusLine, writeVia } from './lab.ts';

const XSS = '<img src=x onerror="window.__pwned=1">';
const MASTER_SLAVE = [
  { id: 'db1', role: 'primary' },
  { id: 'db2', role: 'replica', upstream: 'db1' },
  { id: 'db3', role: 'replica', upstream: 'db1' },
];

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
    // The event log's panel loads beside the first frame: the run shown is compared once it is in.
    await expect.poll(() => runShown(copy)).toEqual(before);
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

test.describe('a link past the lab’s limits', () => {
  const lzLink = (payload: unknown) =>
    `/#s=v1z:${LZString.compressToEncodedURIComponent(JSON.stringify(payload))}`;

  test('with 3,000 addNode commands stops at the scenario’s 64 nodes and says so', async ({ page }) => {
    const commands = Array.from({ length: 3000 }, (_, i) => ({
      at: i,
      type: 'addNode',
      args: [{ id: `n${i}`, upstream: 'db1' }],
    }));
    await page.goto(lzLink({ v: 1, scenario: { nodes: MASTER_SLAVE }, commands, time: 3000 }));
    await expect(page.locator('[data-banner="load-report"] li')).toHaveText([
      'commands[61]: addNode failed: the cluster already has 64 nodes, the most a scenario may have',
    ]);
    await expect(page.locator('[data-node-id]')).toHaveCount(3);
  });

  test('with a key of 201 characters or a megabyte names the argument', async ({ page }) => {
    const write = (key: string) => ({ at: 0, type: 'write', args: ['db1', key, 'v'] });
    await page.goto(
      lzLink({
        v: 1,
        scenario: { nodes: MASTER_SLAVE },
        commands: [write('k'.repeat(201)), write(''), write('__proto__')],
        time: 0,
      }),
    );
    await expect(page.locator('[data-banner="load-report"] li')).toHaveText([
      'commands[0].args[1] (key): must be at most 200 characters (this one has 201)',
      'commands[1].args[1] (key): must not be empty',
    ]);
    await page.goto(
      lzLink({
        v: 1,
        scenario: { nodes: MASTER_SLAVE },
        commands: [write('k'.repeat(1024 * 1024))],
        time: 0,
      }),
    );
    await expect(page.locator('[data-banner="load-report"] li')).toHaveText([
      /^link: the data is \d+ characters, more than the 262144 allowed$/,
    ]);
    await expect(page.locator('[data-node-id]')).toHaveCount(3);
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
    // Format 2 carries the instant shown (`at`); format-1 files still open (e2e/seek.spec.ts).
    expect(saved.v).toBe(2);
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

test.describe('what the lab accepts, a link carries', () => {
  test('the Write form keeps a key it refuses in its field, with a message there', async ({
    page,
    context,
  }) => {
    test.setTimeout(60_000);
    await openPaused(page);
    await selectNode(page, 'db1');
    await button(page, 'Write').click();
    const form = page.getByRole('form', { name: 'Write to db1' });
    const key = form.getByLabel('Key', { exact: true });
    const value = form.getByLabel('Value', { exact: true });
    const events = page.getByRole('list', { name: 'Events, newest first' });
    const before = await events.getByRole('listitem').count();

    await key.fill('k'.repeat(201));
    await expect(key).toHaveAttribute('aria-invalid', 'true');
    await expect(key).toHaveAccessibleDescription('Key must be at most 200 characters (this one has 201).');
    await form.getByRole('button', { name: 'Send write' }).click();
    await expect(key).toBeFocused();
    await expect(key).toHaveValue('k'.repeat(201));

    await key.fill('m'.repeat(1024 * 1024));
    await expect(
      form.getByText('Key must be at most 200 characters (this one has 1,048,576).'),
    ).toBeVisible();
    // Once a send was refused, an emptied key says so at once.
    await key.fill('');
    await expect(key).toHaveAccessibleDescription('Key must not be empty.');
    await key.fill('😀'.repeat(200));
    await value.fill('v'.repeat(201));
    await expect(key).toHaveAttribute('aria-invalid', 'false');
    await expect(value).toHaveAccessibleDescription(
      'Value must be at most 200 characters (this one has 201).',
    );
    await form.getByRole('button', { name: 'Send write' }).click();
    await expect(value).toBeFocused();
    await button(page, 'Step').click();
    expect(await events.getByRole('listitem').count()).toBe(before);

    // At the limit it is sent, and the link made from it opens without a banner.
    await value.fill('v'.repeat(200));
    await form.getByRole('button', { name: 'Send write' }).click();
    await expect(statusLine(page)).toContainText('Writing');
    for (let i = 0; i < 4; i++) await button(page, 'Step').click();
    const dialog = await openShare(page);
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
    const copy = await context.newPage();
    await copy.goto(link);
    await expect(copy.locator('[data-node-id]')).toHaveCount(3);
    await expect(copy.locator('[data-banner="load-report"]')).toHaveCount(0);
    await expect(copy.getByRole('list', { name: 'Events, newest first' })).toContainText('😀'.repeat(200));
  });

  test('the graph menu’s Write form keeps its messages inside the graph', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openPaused(page);
    await node(page, 'db2').click();
    await page.getByRole('menuitem', { name: 'Write here…' }).click();
    const form = page.getByRole('form', { name: 'Write to db2' });
    await form.getByLabel('Key', { exact: true }).fill('');
    await form.getByRole('button', { name: 'Send write' }).click();
    await form.getByLabel('Value', { exact: true }).fill('x'.repeat(2000));
    await expect(form.getByText('Value must be at most 200 characters (this one has 2,000).')).toBeVisible();
    const send = form.getByRole('button', { name: 'Send write' });
    await expect(send).toBeInViewport();
    const [menu, graph] = await page
      .locator('.graph-menu')
      .evaluate((e) => [
        e.getBoundingClientRect().bottom,
        e.parentElement?.getBoundingClientRect().bottom ?? 0,
      ]);
    expect(menu).toBeLessThanOrEqual(graph);
  });

  test('the Share dialog warns before handing out a link that is too long to open', async ({
    page,
  }, info) => {
    test.setTimeout(90_000);
    // A run just under the decoded cap (256 KB): writes with 200-character keys and values.
    const commands: { at: number; type: string; args: string[] }[] = [];
    const command = (i: number) => ({
      at: i,
      type: 'write',
      args: ['db1', `${i}:`.padEnd(200, 'k'), `${i}:`.padEnd(200, 'v')],
    });
    const payload = {
      v: 1,
      scenario: { name: 'Almost too long', nodes: MASTER_SLAVE },
      commands,
      time: 1000,
    };
    while (JSON.stringify(payload).length + 600 < 256 * 1024) commands.push(command(commands.length));
    await openPaused(page, `/#s=v1z:${LZString.compressToEncodedURIComponent(JSON.stringify(payload))}`);
    await expect(page.locator('[data-banner="load-report"]')).toHaveCount(0);

    // One more write, within every field limit, and the link would no longer open.
    await writeVia(page, 'db1', 'k'.repeat(200), 'v'.repeat(200));
    await writeVia(page, 'db1', 'w'.repeat(200), 'v'.repeat(200));
    const dialog = await openShare(page);
    const warning = dialog.getByRole('alert');
    await expect(warning).toContainText('This link would not open');
    await expect(warning.getByRole('listitem')).toHaveText([
      /^link: the data is \d+ characters, more than the 262144 allowed$/,
    ]);
    await expect(warning).toContainText('Download the scenario file below instead');
    const url = dialog.getByRole('textbox', { name: 'Share link' });
    await expect(url).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByText('The embed code carries the same run')).toBeVisible();
    await info.attach('share-warning.png', { body: await dialog.screenshot(), contentType: 'image/png' });

    // The file does carry it: exported and imported again, it opens.
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download scenario JSON' }).click(),
    ]);
    const path = info.outputPath('long.json');
    await file.saveAs(path);
    await dialog.getByLabel('Import scenario file').setInputFiles(path);
    await expect(dialog.getByText('Loaded long.json.')).toBeVisible();
  });

  test('the Share dialog warns when neither a link nor a file would open: a run past an hour', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await openPaused(
      page,
      jsonLink({ v: 1, scenario: { nodes: MASTER_SLAVE }, commands: [], time: 3_599_990 }),
    );
    await button(page, 'Play').click();
    // Ten simulated ms to the hour: a moment of play passes it.
    await page.waitForTimeout(500);
    await button(page, 'Pause').click();
    const dialog = await openShare(page);
    await expect(dialog.getByRole('alert').getByRole('listitem')).toHaveText([
      'time: must be at most 3600000 ms (one hour of simulated time)',
    ]);
    await expect(dialog.getByRole('alert')).toContainText('The scenario file would not load either');
    await expect(dialog.getByRole('list', { name: 'Why the scenario file would not load' })).toBeVisible();
  });
});
