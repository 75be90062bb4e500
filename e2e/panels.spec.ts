/**
 * The panels against the engine's own records: the browser runs the lab, and the same lab runs here
 * in Node up to the same simulated time (runs are deterministic), so every figure can be compared.
 */
import { expect, test, type Page } from '@playwright/test';
import { labOptionsFor } from '../src/app/route.ts';
import type { EngineEvent } from '../src/engine/index.ts';
import { createLab, type LabStore } from '../src/store/index.ts';
import { describeEvent } from '../src/view/panels/text/eventText.ts';
import { VOCABULARIES, translateRoles } from '../src/view/vocabulary.ts';
import { button, metric, node, openPaused, selectNode, stepUntilStatus, writeVia } from './lab.ts';

const SLAVE_WORDS = VOCABULARIES['master-slave'];

/** The browser lab's exact simulated time. */
async function simTime(page: Page): Promise<number> {
  return Number(await metric(page, 'sim-time').getAttribute('data-value'));
}

/** Opens the lab at time zero, paused, then lets it run at 10× for `wallMs` and pauses again. */
async function runFor(page: Page, wallMs: number): Promise<number> {
  await openPaused(page);
  await button(page, 'Reset').click();
  await expect(metric(page, 'sim-time')).toHaveAttribute('data-value', '0');
  await page.getByRole('combobox', { name: 'Speed', exact: true }).selectOption('10');
  await button(page, 'Play').click();
  await page.waitForTimeout(wallMs);
  await button(page, 'Pause').click();
  return simTime(page);
}

/** The same lab in Node, run to `time`. */
function replay(time: number): LabStore {
  const store = createLab({ ...labOptionsFor('lab'), playing: false });
  store.getState().actions.tick(time);
  expect(store.getState().simTime).toBe(time);
  return store;
}

const rowsOf = async (page: Page, table: string) =>
  page
    .getByRole('table', { name: table })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim())));

test.describe('the panels', () => {
  test('charts show the series the engine records, as tables too', async ({ page }) => {
    const time = await runFor(page, 1500);
    const { series } = replay(time).getState();
    const charts = page.getByRole('region', { name: 'Charts' });
    await expect(charts.locator('[data-series-time]')).toHaveAttribute(
      'data-series-time',
      String(series.time),
    );

    await charts.getByRole('button', { name: 'Show throughput per node, last 5 s as a table' }).click();
    const throughput = await rowsOf(page, 'Throughput per node, last 5 s (ops/s)');
    const rate = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
    expect(throughput).toEqual(
      series.throughput.map((n) => [n.nodeId, rate(n.readsPerSec), rate(n.writesPerSec)]),
    );

    await charts.getByRole('button', { name: /Show write latency/ }).click();
    const latency = await rowsOf(page, 'Write latency p50 / p99 (last 1 s) (ms)');
    const newest = series.latency.at(-1);
    const value = (v: number | null | undefined) =>
      v === null || v === undefined ? '—' : String(Math.round(v));
    expect(latency[0]?.slice(1)).toEqual([value(newest?.p50), value(newest?.p99)]);
    expect(latency).toHaveLength(series.latency.length);

    await charts.getByRole('button', { name: /Show replication lag/ }).click();
    const lag = await rowsOf(page, 'Replication lag per slave (ms)');
    expect(lag.map((row) => row.slice(1))).toEqual(
      [...(series.lag[0]?.points ?? [])]
        .reverse()
        .map((p) => series.lag.map((s) => value(s.points.find((q) => q.t === p.t)?.ms))),
    );
    expect(series.lag.map((s) => s.nodeId)).toEqual(['db2', 'db3']);
  });

  test('the inspector shows a node as the engine sees it, with data that differs from the master', async ({
    page,
  }) => {
    const time = await runFor(page, 800);
    const nodes = replay(time).getState().snapshot.nodes;
    const db2 = nodes.find((n) => n.id === 'db2');
    const db1 = nodes.find((n) => n.id === 'db1');
    if (db2 === undefined || db1 === undefined) throw new Error('db1 and db2 exist');
    await selectNode(page, 'db2');
    const inspector = page.locator('[data-node-details="db2"]');
    const fact = (label: string) => inspector.locator(`dt:text-is("${label}")`).locator('+ dd');
    await expect(fact('Written LSN')).toHaveText(String(db2.writtenLsn));
    await expect(fact('Flushed LSN')).toHaveText(String(db2.receivedLsn));
    await expect(fact('Applied LSN')).toHaveText(String(db2.appliedLsn));
    await expect(fact('Lag')).toHaveText(
      `${db2.lag.entries === 1 ? '1 entry' : `${db2.lag.entries} entries`}, ${Math.round(db2.lag.ms)} ms`,
    );
    await expect(fact('State')).toHaveText('slave, streaming');
    await expect(inspector.getByRole('button', { name: 'db1' })).toBeVisible();

    const tail = await rowsOf(page, 'Log tail on db2 (newest first)');
    expect(tail.map((row) => row[0])).toEqual([...db2.logTail].reverse().map((e) => String(e.lsn)));

    const data = await rowsOf(page, 'Data on db2');
    const differing = Object.keys({ ...db1.data, ...db2.data }).filter((k) => db1.data[k] !== db2.data[k]);
    expect(
      data
        .filter((row) => row[2] !== '')
        .map((row) => row[0])
        .sort(),
    ).toEqual(differing.sort());
    for (const row of data) expect(row[1]).toBe(db2.data[row[0] ?? ''] ?? '(missing)');

    await inspector.getByRole('button', { name: 'db1' }).click();
    await expect(node(page, 'db1')).toHaveAttribute('aria-pressed', 'true');
  });

  test('the event log tells every event in words, filters it, and picks what it concerns', async ({
    page,
  }) => {
    const time = await runFor(page, 800);
    const { events } = replay(time).getState();
    const log = page.getByRole('region', { name: /Event log/ });
    const rows = log.getByRole('list', { name: 'Events, newest first' }).getByRole('listitem');
    const listed = events.filter((e) => e.type !== 'read' || e.stale);
    const sentence = (e: EngineEvent) => translateRoles(describeEvent(e, SLAVE_WORDS), SLAVE_WORDS);
    await expect(rows.first()).toContainText(sentence(listed.at(-1) as EngineEvent));
    await expect(rows.first().locator('time')).toHaveText(
      `${((listed.at(-1)?.at ?? 0) / 1000).toFixed(2)} s`,
    );

    await log.getByLabel('Node').selectOption('db3');
    for (const text of await rows.allTextContents()) expect(text).toContain('db3');
    await log.getByLabel('Node').selectOption('');
    await log.getByLabel('Kind').selectOption('writes');
    const types = await rows.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-event-type')));
    expect(types.length).toBeGreaterThan(0);
    for (const type of types) expect(['write-committed', 'write-acknowledged']).toContain(type);

    // Picking an acknowledgement opens the write it concerns, on the master.
    await log.locator('[data-event-type="write-acknowledged"] .event-pick').first().click();
    await expect(node(page, 'db1')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('[data-op-id]').first()).toContainText(/Write #\d+: k\d+ = "v\d+" on db1/);

    // Replication events select the slave they concern; the words follow the terminology setting.
    await log.getByLabel('Kind').selectOption('replication');
    await log.locator('[data-event-type="entries-applied"] .event-pick').first().click();
    await expect(page.locator('[data-node-id][aria-pressed="true"]')).toHaveAttribute('data-role', 'replica');
    await button(page, 'Settings').click();
    await page.getByLabel('Terminology').selectOption('leader-follower');
    await log.getByLabel('Kind').selectOption('');
    await expect(page.getByRole('table', { name: /Log tail/ })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: /On leader db1/ })).toBeVisible();
  });

  test('the lost-writes ledger names each lost write, who acknowledged it and the failover that lost it', async ({
    page,
  }) => {
    // Many steps, each a render: a loaded two-core machine needs more than the default 30 s.
    test.setTimeout(90_000);
    await openPaused(page);
    await button(page, 'Reset').click();
    await selectNode(page, 'db1');
    await button(page, 'Take backup').click();
    await page.getByRole('combobox', { name: 'Speed', exact: true }).selectOption('10');
    await button(page, 'Play').click();
    await page.waitForTimeout(600);
    await button(page, 'Pause').click();
    // However little the workload left unreplicated, one acknowledged write the slaves lack is sure.
    const wroteAt = await simTime(page);
    await writeVia(page, 'db1', 'balance', '200');
    await stepUntilStatus(page, /acknowledged balance = "200"/);
    const killedAt = await simTime(page);
    await selectNode(page, 'db1');
    await button(page, 'Kill').click();
    await selectNode(page, 'db2');
    await button(page, 'Promote').click();
    await expect(node(page, 'db2')).toHaveAttribute('data-role', 'primary');

    const store = createLab({ ...labOptionsFor('lab'), playing: false });
    store.getState().actions.takeBackup('db1');
    store.getState().actions.tick(wroteAt);
    store.getState().actions.write('db1', 'balance', '200');
    store.getState().actions.tick(killedAt - wroteAt);
    store.getState().actions.kill('db1');
    store.getState().actions.promote('db2');
    const { lostWrites, lostByNode, failovers, backups } = store.getState();
    expect(lostWrites.map((op) => op.key)).toContain('balance');

    // The graph marks where they were lost: a badge on the master that acknowledged them, and its name.
    const lostOnDb1 = lostByNode.db1 ?? 0;
    expect(lostOnDb1).toBeGreaterThan(0);
    await expect(node(page, 'db1').locator('.node-lost-badge')).toHaveText(`${lostOnDb1} lost`);
    await expect(node(page, 'db1')).toHaveAccessibleName(
      new RegExp(`, ${lostOnDb1} acknowledged writes? lost`),
    );
    await expect(node(page, 'db2').locator('.node-lost-badge')).toHaveCount(0);

    const ledger = await rowsOf(page, 'Acknowledged writes that were lost, newest first');
    expect(ledger).toEqual(
      [...lostWrites]
        .reverse()
        .map((op) => [
          `#${op.id}`,
          `${op.key} = "${op.value ?? ''}"`,
          op.nodeId,
          `${((op.endedAt ?? 0) / 1000).toFixed(2)} s`,
          `failover #1 (db1 → db2) at ${((failovers[0]?.promotedAt ?? 0) / 1000).toFixed(2)} s`,
        ]),
    );
    const failover = page.getByRole('region', { name: /Failover/ });
    await expect(failover.getByRole('table', { name: 'Failovers' }).locator('tbody tr')).toHaveCount(1);
    await expect(failover).toContainText(new RegExp(`(?<!\\d)${failovers[0]?.lostWrites ?? -1} writes?\\b`));

    // The backup taken at the start: from db1 at its position then; restoring it adds a node.
    const backup = backups[0];
    const backupsPanel = page.getByRole('region', { name: /Backups/ });
    await expect(backupsPanel).toContainText(
      `${backup?.id ?? '?'} from db1 at LSN ${backup?.lsn ?? -1}, timeline 1`,
    );
    await backupsPanel.getByRole('button', { name: 'Restore as new node' }).click();
    await expect(node(page, 'db4')).toBeVisible();
  });

  test('the failover manager shows its state and the last failover’s RTO and RPO', async ({ page }) => {
    test.setTimeout(60_000);
    await openPaused(page);
    await page.getByLabel('Topology', { exact: true }).selectOption('auto-failover');
    const panel = page.getByRole('region', { name: /^Failover/ });
    await expect(panel).toHaveAttribute('data-failover-state', 'watching');
    await expect(panel).toContainText('Leader lockdb1');
    await selectNode(page, 'db1');
    await button(page, 'Kill').click();
    await page.getByRole('combobox', { name: 'Speed', exact: true }).selectOption('5');
    await button(page, 'Play').click();
    await expect(panel.getByRole('table', { name: 'Failovers' }).locator('tbody tr')).toHaveCount(1, {
      timeout: 20_000,
    });
    await expect(metric(page, 'rto')).toHaveText(/\d+\.\d+ s/, { timeout: 20_000 });
    const rto = (await metric(page, 'rto').textContent()) ?? '';
    await expect(panel.locator('dt', { hasText: 'Last RTO' }).locator('+ dd')).toHaveText(rto);
    await expect(panel).toHaveAttribute('data-failover-state', 'watching');
  });

  test('panels collapse with their disclosure buttons', async ({ page }) => {
    await openPaused(page);
    const toggle = page.getByRole('button', { name: 'Charts', exact: true });
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('[data-chart="lag"]')).toBeVisible();
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('[data-chart="lag"]')).toHaveCount(0);
    await selectNode(page, 'db2');
    const inspector = page.locator('[data-node-details="db2"]').getByRole('button', { name: /db2/ }).first();
    await inspector.click();
    await expect(inspector).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('table', { name: 'Data on db2' })).toHaveCount(0);
  });

  test('the details column scrolls on its own and draws each panel as it comes into view', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openPaused(page);
    await writeVia(page, 'db1', 'balance', '100');
    for (let i = 0; i < 6; i++) await button(page, 'Step').click();
    await selectNode(page, 'db2');
    const aside = page.getByRole('complementary', { name: 'Details' });
    // Beside the graph the column keeps the row's height whatever it holds, and scrolls.
    const box = await aside.evaluate((el) => ({
      bottom: el.getBoundingClientRect().bottom,
      overflows: el.scrollHeight > el.clientHeight,
    }));
    expect(box.bottom).toBeLessThanOrEqual(720);
    expect(box.overflows).toBe(true);
    // The event log, below the inspector's data, is drawn once scrolled to (innerText is what is drawn).
    const events = page.getByRole('list', { name: 'Events, newest first' });
    await events.scrollIntoViewIfNeeded();
    await expect.poll(() => events.evaluate((el) => (el as HTMLElement).innerText)).toContain('balance');
    await expect(events.getByRole('listitem').first()).toBeInViewport();
    expect(await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);
  });

  test('the embed keeps charts and the event log behind a toggle', async ({ page }) => {
    await page.setViewportSize({ width: 640, height: 400 });
    await openPaused(page, '/embed');
    const toggle = page.getByRole('button', { name: 'Charts and events' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('[data-chart="lag"]')).toHaveCount(0);
    await toggle.click();
    await expect(page.getByRole('button', { name: 'Hide charts and events' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await expect(page.locator('[data-chart="lag"]')).toBeVisible();
    await expect(page.getByRole('region', { name: /Event log/ })).toBeAttached();
  });

  test('announces a master going down at once, and routine traffic not at all', async ({ page }) => {
    await openPaused(page);
    await selectNode(page, 'db1');
    await button(page, 'Kill').click();
    await expect(page.locator('[data-announcer="urgent"]')).toHaveText('db1, the master, is down.');
    await expect(page.locator('[data-announcer="urgent"]')).toHaveAttribute('aria-live', 'assertive');
    await expect(page.locator('[data-announcer="polite"]')).toHaveAttribute('role', 'log');
    await expect(page.locator('[data-announcer="polite"]')).toContainText('read-only', { timeout: 5000 });
    await expect(page.locator('[data-announcer="polite"]')).not.toContainText('applied');
  });
});
