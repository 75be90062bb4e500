/**
 * Conflicts in master-master: two masters write one key at the same moment; the ledger, the node badges
 * and the settings are checked against the same lab replayed here in Node (runs are deterministic).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { labOptionsFor } from '../src/app/route.ts';
import type { ConflictRecord } from '../src/engine/index.ts';
import { createLab, type LabStore, type SettingsPatch } from '../src/store/index.ts';
import { button, expectData, metric, node, openPaused, writeConflict } from './lab.ts';

const MASTER_MASTER = '/?preset=master-master&autoplay=0';

const simTime = async (page: Page) => Number(await metric(page, 'sim-time').getAttribute('data-value'));

const ledger = (page: Page): Locator => page.getByRole('region', { name: /^Conflicts/ });

/** Writes colour on both masters at time 0 and steps until they conflict; returns the time it stopped at. */
async function collide(page: Page): Promise<number> {
  await expect(metric(page, 'sim-time')).toHaveAttribute('data-value', '0');
  await writeConflict(page);
  return simTime(page);
}

/** The same lab in Node: the same writes at time 0, run to `time`. */
function replay(time: number, patch: SettingsPatch = {}): LabStore {
  const store = createLab({ ...labOptionsFor('lab', { preset: 'master-master' }), playing: false });
  if (Object.keys(patch).length > 0) store.getState().actions.applySettings(patch);
  store.getState().actions.write('db1', 'colour', 'red');
  store.getState().actions.write('db2', 'colour', 'blue');
  store.getState().actions.tick(time);
  expect(store.getState().simTime).toBe(time);
  return store;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const vector = (vv: Readonly<Record<string, number>>) =>
  Object.entries(vv)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, n]) => `${id}:${n}`)
    .join(', ') || '—';

/** What the ledger should say about `record`, from the engine's own fields. */
function expectedEntry(record: ConflictRecord) {
  const fate = (opId: number) => {
    if (record.strategy === 'siblings') return record.resolvedAt === null ? 'sibling' : 'merged';
    if (record.winner?.opId === opId) return record.strategy === 'lww' ? 'kept' : 'certified';
    return record.strategy === 'lww' ? 'overwritten' : 'rolled back';
  };
  const origins = [...new Set(record.versions.map((v) => v.origin))];
  return {
    id: String(record.id),
    key: record.key,
    where: `${origins.slice(0, -1).join(', ')} and ${origins.at(-1) ?? ''} at ${seconds(record.at)}; detected on ${record.detectedOn.join(', ')}`,
    rows: [
      ['Write', ...record.versions.map((v) => `#${v.opId}`)],
      ['Value', ...record.versions.map((v) => v.value)],
      ['Origin', ...record.versions.map((v) => v.origin)],
      ['Origin time', ...record.versions.map((v) => seconds(v.originTime))],
      ['Version vector', ...record.versions.map((v) => vector(v.vv))],
      ['Outcome', ...record.versions.map((v) => fate(v.opId))],
    ],
  };
}

async function entriesOf(page: Page) {
  return ledger(page)
    .locator('li[data-conflict-id]')
    .evaluateAll((items) =>
      items.map((li) => ({
        id: li.getAttribute('data-conflict-id') ?? '',
        key: li.querySelector('.conflict-key')?.textContent ?? '',
        where: li.querySelector('.conflict-where')?.textContent ?? '',
        rows: [...li.querySelectorAll('table tr')].map((tr) =>
          [...tr.children].map((cell) => cell.textContent.trim()),
        ),
      })),
    );
}

test.describe('conflicts', () => {
  // Many steps through the UI: on a loaded two-core machine each takes a while.
  test.describe.configure({ timeout: 90_000 });

  test('the ledger lists each conflict as the engine records it, and the nodes carry a badge', async ({
    page,
  }) => {
    await openPaused(page, MASTER_MASTER);
    await expect(ledger(page)).toContainText('A conflict is two masters accepting writes to the same key');
    const time = await collide(page);
    const { conflicts, conflictsByNode, snapshot } = replay(time).getState();
    expect(conflicts.length).toBeGreaterThan(0);
    expect(conflicts.some((c) => c.key === 'colour' && c.strategy === 'lww')).toBe(true);
    await expect(metric(page, 'conflicts')).toHaveText(String(snapshot.metrics.conflicts));
    await expect(ledger(page)).toHaveAccessibleName(`Conflicts (${snapshot.metrics.conflicts})`);
    expect(await entriesOf(page)).toEqual([...conflicts].reverse().map(expectedEntry));
    const colour = conflicts.find((c) => c.key === 'colour');
    await expect(
      ledger(page).locator(`li[data-conflict-id="${colour?.id ?? -1}"] .conflict-outcome`),
    ).toHaveText(
      `${colour?.winner?.origin ?? '?'}’s "${colour?.winner?.value ?? '?'}" kept: the later origin time wins, a tie the higher node id.`,
    );

    // Every node involved: a "≠ n" badge, and the count in its accessible name (contract attributes intact).
    for (const n of snapshot.nodes) {
      const count = conflictsByNode[n.id]?.count ?? 0;
      const element = node(page, n.id);
      await expect(element).toHaveAttribute('data-role', n.role);
      await expect(element).toHaveAttribute('data-status', 'up');
      if (count === 0) {
        await expect(element.locator('.node-conflict-badge')).toHaveCount(0);
        await expect(element).not.toHaveAccessibleName(/conflict/);
      } else {
        await expect(element.locator('.node-conflict-badge')).toHaveText(`≠ ${count}`);
        const words = count === 1 ? '1 conflict' : `${count} conflicts`;
        // The last write made is followed, so the name may end with where it stands on this node.
        await expect(element).toHaveAccessibleName(
          new RegExp(`^${n.id}, master, up, LSN \\d+, ${words}(, write #\\d+: [a-z ,]+)?$`),
        );
      }
    }
    // Paused just after the conflict: the involved masters are still marked.
    const flash = node(page, 'db1').locator('.node-conflict-flash');
    await expect(flash).toHaveAttribute('data-flashing', 'true');
    // With reduced motion the mark is steady: full strength, no growing ring.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await expect(flash).toHaveAttribute('opacity', '1.00');
    await expect(flash).toHaveAttribute('r', '40.0');

    // Picking a conflict marks exactly its nodes on the graph; picking it again clears the mark.
    const pick = ledger(page).getByRole('button', {
      name: `Show conflict #${colour?.id ?? -1} on colour on the graph`,
    });
    await pick.click();
    await expect(pick).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('[data-node-id]:has(.node-conflict-picked)')).toHaveCount(
      colour?.nodeIds.length ?? -1,
    );
    for (const id of colour?.nodeIds ?? [])
      await expect(node(page, id).locator('.node-conflict-picked')).toHaveCount(1);
    await pick.click();
    await expect(page.locator('.node-conflict-picked')).toHaveCount(0);

    // A version's write opens in the inspector.
    const loser = colour?.versions.find((v) => v.opId !== colour.winner?.opId);
    await ledger(page)
      .getByRole('button', { name: `Inspect write #${loser?.opId ?? -1}` })
      .first()
      .click();
    await expect(node(page, loser?.origin ?? '?')).toHaveAttribute('aria-pressed', 'true');
  });

  test('siblings are kept side by side and resolved from the ledger', async ({ page }) => {
    await openPaused(page, MASTER_MASTER);
    await button(page, 'Settings').click();
    await page.getByRole('combobox', { name: 'Conflict resolution', exact: true }).selectOption('siblings');
    await expect(page.getByText('Settings applied')).toBeVisible();
    await page.keyboard.press('Escape');
    const time = await collide(page);
    const { conflicts } = replay(time, { conflictResolution: 'siblings' }).getState();
    expect(await entriesOf(page)).toEqual([...conflicts].reverse().map(expectedEntry));

    const colour = conflicts.find((c) => c.key === 'colour');
    const entry = ledger(page).locator(`li[data-conflict-id="${colour?.id ?? -1}"]`);
    await expect(entry).toHaveAttribute('data-resolved', 'false');
    await expect(entry.locator('.tag')).toHaveText('siblings, unresolved');
    await expect(ledger(page)).toContainText('1 unresolved');
    // Typing a merged value, then merging, is a recorded resolve on a master holding the siblings.
    const form = entry.getByRole('form', { name: 'Resolve the siblings of colour' });
    // A merged value a link could not carry stays in its field, with the reason there, and merges nothing.
    await form.getByLabel('Merged value').fill('p'.repeat(201));
    await expect(form.getByLabel('Merged value')).toHaveAccessibleDescription(
      'Merged value must be at most 200 characters (this one has 201).',
    );
    await form.getByRole('button', { name: 'Merge' }).click();
    await expect(form.getByLabel('Merged value')).toBeFocused();
    await expect(entry).toHaveAttribute('data-resolved', 'false');
    await form.getByLabel('Merged value').fill('<b>purple</b>');
    await form.getByRole('button', { name: 'Merge' }).click();
    await expect(page.locator('p.status-line')).toContainText(
      'merging the siblings of colour into "<b>purple</b>"',
    );
    for (let i = 0; i < 20 && (await entry.getAttribute('data-resolved')) !== 'true'; i++) {
      await button(page, 'Step').click();
    }
    await expect(entry).toHaveAttribute('data-resolved', 'true');
    await expect(entry.locator('.conflict-outcome')).toContainText('merged at');
    await expect(entry.getByRole('form')).toHaveCount(0);
    // Plain text, never markup.
    await button(page, 'Play').click();
    for (const id of ['db1', 'db2', 'db3', 'db4']) await expectData(page, id, 'colour', '<b>purple</b>');
  });

  test('settings offer conflict resolution for groups and disable the modes a group cannot run', async ({
    page,
  }) => {
    await openPaused(page, MASTER_MASTER);
    await button(page, 'Settings').click();
    const mode = page.getByRole('combobox', { name: 'Replication mode', exact: true });
    for (const refused of ['semi-sync', 'scheduled']) {
      await expect(mode.locator(`option[value="${refused}"]`)).toBeDisabled();
      await expect(page.locator('.settings-refused')).toContainText(
        `a group of 2 masters replicates "async" or "sync" (certification), not "${refused}"`,
      );
    }
    await expect(mode).toHaveAccessibleDescription(/Not for a group of masters/);
    await expect(mode.locator('option[value="sync"]')).toBeEnabled();
    await expect(page.getByRole('combobox', { name: 'Conflict resolution', exact: true })).toHaveValue('lww');

    // Synchronous: certification, and the losing write fails with Galera's error.
    await mode.selectOption('sync');
    await expect(page.getByText('Settings applied')).toBeVisible();
    await page.keyboard.press('Escape');
    await collide(page);
    await expect(ledger(page).locator('li[data-strategy="certification"]').first()).toBeVisible();
    await expect(ledger(page)).toContainText('ERROR 1213');

    // A single master: no conflict resolution, no disabled modes, no ledger.
    await page.getByRole('combobox', { name: 'Topology', exact: true }).selectOption('master-slave');
    await button(page, 'Settings').click();
    await expect(page.getByRole('combobox', { name: 'Conflict resolution' })).toHaveCount(0);
    await expect(mode.locator('option:disabled')).toHaveCount(0);
    await expect(ledger(page)).toHaveCount(0);
  });
});
