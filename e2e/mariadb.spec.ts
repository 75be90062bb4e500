/** A scenario that names MariaDB as its system: the lab answers in MariaDB's words. */
import { expect, test } from '@playwright/test';
import { openPaused, statusLine, writeVia } from './lab.ts';

const jsonLink = (payload: unknown) => `/#s=v1j:${encodeURIComponent(JSON.stringify(payload))}`;

test('a write on a MariaDB replica fails with error 1290 in the server’s words', async ({ page }) => {
  await openPaused(
    page,
    jsonLink({
      v: 1,
      scenario: {
        system: 'mariadb',
        nodes: [
          { id: 'db1', role: 'primary' },
          { id: 'db2', role: 'replica', upstream: 'db1' },
        ],
      },
      commands: [],
      time: 0,
    }),
  );
  await writeVia(page, 'db2', 'x', '1');
  await expect(statusLine(page)).toContainText(
    'ERROR 1290 (HY000): The MariaDB server is running with the --read-only option so it cannot execute this statement',
  );
  await expect(statusLine(page)).not.toContainText('25006');
});
