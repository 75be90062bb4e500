/** The axe scan the specs share: moderate, serious or critical violations fail; minor ones are printed. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export async function expectNoModerateViolations(page: Page, label: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const describe = (v: (typeof violations)[number]) =>
    `${v.impact ?? 'unknown'} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`;
  const minor = violations.filter((v) => v.impact === 'minor');
  const blocking = violations.filter((v) => !minor.includes(v));
  if (minor.length > 0) console.log(`[axe] ${label}, minor:\n${minor.map(describe).join('\n')}`);
  expect(blocking.map(describe), `moderate, serious or critical axe violations ${label}`).toEqual([]);
}
