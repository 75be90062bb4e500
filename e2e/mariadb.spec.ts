/** A scenario that names MariaDB as its system: the lab answers in MariaDB's words. */
import { expect, test } from '@playwright/test';
import {
  button,
  jsonLink,
  node,
  nodeMenu,
  openPaused,
  readOnlyBanner,
  selectNode,
  statusLine,
  writeVia,
} from './lab.ts';

interface Command {
  readonly at: number;
  readonly type: string;
  readonly args: readonly string[];
}

/** db1 killed, db2 promoted, db1 restarted: MariaDB's old primary comes back writable beside db2. */
const PROMOTED_THEN_BACK: readonly Command[] = [
  { at: 500, type: 'kill', args: ['db1'] },
  { at: 600, type: 'promote', args: ['db2'] },
  { at: 700, type: 'restart', args: ['db1'] },
];

/** A link to a MariaDB run: primary db1 and its replicas, the commands, shown at `time` (ms). */
const mariadbRun = (replicas: readonly string[], commands: readonly Command[] = [], time = 0): string =>
  jsonLink({
    v: 1,
    scenario: {
      system: 'mariadb',
      nodes: [
        { id: 'db1', role: 'primary' },
        ...replicas.map((id) => ({ id, role: 'replica', upstream: 'db1' })),
      ],
    },
    commands,
    time,
  });

test('a write on a MariaDB replica fails with error 1290 in the server’s words', async ({ page }) => {
  await openPaused(page, mariadbRun(['db2']));
  await writeVia(page, 'db2', 'x', '1');
  await expect(statusLine(page)).toContainText(
    'ERROR 1290 (HY000): The MariaDB server is running with the --read-only option so it cannot execute this statement',
  );
  await expect(statusLine(page)).not.toContainText('25006');
});

test('a MariaDB primary killed and restarted after a promotion comes back writable: the lab says so in MariaDB’s words', async ({
  page,
}) => {
  await openPaused(page, mariadbRun(['db2', 'db3'], PROMOTED_THEN_BACK, 1000));
  const events = page.getByRole('list', { name: 'Events, newest first' });
  await expect(events).toContainText(
    'db1 came back as a writable master replicating from no one, beside db2: two servers accept writes',
  );
  await expect(events).toContainText('db2 was promoted to master: replication stopped, read_only off');
  await expect(page.locator('[data-banner="split-brain"]')).toContainText(
    'MariaDB demotes neither and nothing replicates between them',
  );
  await selectNode(page, 'db3');
  const details = page.locator('[data-node-details="db3"]');
  await expect(details).toContainText('Applied GTID seq_no (gtid_slave_pos)');
  await expect(details).toContainText('Lag (Seconds_Behind_Master)');
  await expect(details).not.toContainText('LSN');
  // The graph names a master's position as MariaDB does.
  await expect(node(page, 'db1')).toHaveAccessibleName(/GTID seq_no \d+/);
  await expect(node(page, 'db1')).toContainText('GTID seq_no');
  // And so does the graph as a table.
  await button(page, 'Topology table').click();
  await expect(page.getByRole('columnheader', { name: 'Applied GTID seq_no' })).toBeVisible();
});

test('a MariaDB primary back writable beside the promoted one follows it from its menu, ending the split brain', async ({
  page,
}) => {
  await openPaused(page, mariadbRun(['db2'], PROMOTED_THEN_BACK, 1000));
  await expect(page.locator('[data-banner="split-brain"]')).toContainText(
    'until one follows the other (Follow, in its menu)',
  );
  await node(page, 'db1').locator('.node-shape').click();
  const follow = nodeMenu(page, 'db1').getByRole('menuitem', { name: 'Follow db2' });
  await expect(follow).toHaveAccessibleDescription(/CHANGE MASTER TO MASTER_HOST='db2'/);
  await follow.click();
  await expect(page.getByRole('list', { name: 'Events, newest first' })).toContainText(
    'db1 became a slave of db2',
  );
  await expect(page.locator('[data-banner="split-brain"]')).toHaveCount(0);
  await expect(node(page, 'db1')).toHaveAttribute('data-role', 'replica');
});

test('a backup of a MariaDB server is placed by GTID seq_no and epoch, not LSN and timeline', async ({
  page,
}) => {
  await openPaused(
    page,
    mariadbRun(
      ['db2'],
      [
        { at: 100, type: 'write', args: ['db1', 'k', 'v'] },
        { at: 500, type: 'takeBackup', args: ['db2'] },
      ],
      600,
    ),
  );
  const backups = page.getByRole('region', { name: 'Backups' });
  await expect(backups).toContainText('from db2 at GTID seq_no 1, epoch 1');
  await expect(backups).not.toContainText('LSN');
});

test('Galera with two of three members killed: the survivor is up but outside the Primary Component, and the banner says so', async ({
  page,
}) => {
  await openPaused(page, '/?preset=galera-3');
  for (const id of ['g2', 'g3']) {
    await node(page, id).locator('.node-shape').click();
    await nodeMenu(page, id).getByRole('menuitem', { name: 'Kill' }).click();
  }
  // The survivor finds out after failure detection (3 s simulated); until then it still counts the others.
  // At 10× those 3 s are a few frames even on a loaded machine (a frame counts at most 250 ms of wall time).
  await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: '10×' });
  await button(page, 'Play').click();
  await expect(readOnlyBanner(page)).toContainText(
    'g1 is up but outside the Primary Component (error 1047). Reads and writes fail there',
  );
  await expect(readOnlyBanner(page)).not.toContainText('no master is up');
});

test('the settings explain MariaDB’s semi-sync in its own variables, not PostgreSQL’s', async ({ page }) => {
  await openPaused(page, '/?preset=mariadb-semisync');
  await button(page, 'Settings').click();
  const settings = page.getByRole('group', { name: 'Replication', exact: true });
  await expect(settings).toContainText('rpl_semi_sync_master_timeout');
  await expect(settings).not.toContainText('synchronous_standby_names');
  await expect(settings).not.toContainText('ANY k');
});
