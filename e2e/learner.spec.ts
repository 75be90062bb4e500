import { expect, test } from '@playwright/test';
import {
  button,
  expectData,
  metric,
  node,
  openPaused,
  primary,
  readOnlyBanner,
  selectNode,
  statusLine,
  stepUntilStatus,
  writeVia,
} from './lab.ts';

test.describe('the learner journey (USERS.md)', () => {
  test('writes, sees a stale read, loses the master, promotes a slave and writes again', async ({ page }) => {
    test.setTimeout(90_000);
    await openPaused(page);
    await expect(primary(page)).toHaveAttribute('data-node-id', 'db1');

    // Write balance = 100 on the master; step until the master acknowledges it.
    await writeVia(page, 'db1', 'balance', '100');
    await expect(statusLine(page)).toContainText('balance = "100"');
    await stepUntilStatus(page, /acknowledged balance = "100"/);

    // Read it on a slave a moment too early: stale, and the lab says why.
    await selectNode(page, 'db2');
    await button(page, 'Read').click();
    await expect(statusLine(page)).toContainText('Stale read');
    await expect(statusLine(page)).toContainText('asynchronous');
    await expect(metric(page, 'stale-reads')).not.toHaveText('0');

    // Let it run: both slaves get it.
    await button(page, 'Play').click();
    await expectData(page, 'db2', 'balance', '100');
    await expectData(page, 'db3', 'balance', '100');

    // An acknowledged write the slaves have not received yet, then the master dies.
    await button(page, 'Pause').click();
    await writeVia(page, 'db1', 'balance', '200');
    await stepUntilStatus(page, /acknowledged balance = "200"/);
    await button(page, 'Kill').click();
    await expect(node(page, 'db1')).toHaveAttribute('data-status', 'down');
    await expect(readOnlyBanner(page)).toBeVisible();

    // A write now fails, and says the system is read-only.
    await writeVia(page, 'db1', 'balance', '300');
    await expect(statusLine(page)).toContainText('failed');
    await expect(statusLine(page)).toContainText('read-only');

    // Promote a slave: writes work again, and the ledger shows what was lost.
    await selectNode(page, 'db2');
    await button(page, 'Promote').click();
    await expect(node(page, 'db2')).toHaveAttribute('data-role', 'primary');
    await expect(readOnlyBanner(page)).toBeHidden();
    await expect(metric(page, 'lost-writes')).not.toHaveText('0');
    await expect(page.getByRole('region', { name: 'Lost writes', exact: true })).toContainText(
      'balance = "200"',
    );

    await writeVia(page, 'db2', 'balance', '400');
    await button(page, 'Play').click();
    await expect(statusLine(page)).toContainText('db2 acknowledged balance = "400"', { timeout: 10_000 });
  });
});
