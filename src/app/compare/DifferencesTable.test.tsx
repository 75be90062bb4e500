import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKLOAD, compare, loadCompare } from '../../engine/index.ts';
import { LabStoreContext, createLab } from '../../store/index.ts';
import { openComparison } from '../../store/compare/open.ts';
import { classicComparison } from '../../store/compare/variants.ts';
import { VOCABULARIES } from '../../view/vocabulary.ts';
import { DifferencesTable } from './DifferencesTable.tsx';
import { BETTER_TEXT, figureName, figureValue, shownBetter } from './differenceText.ts';

const kit = await loadCompare();

/** The table's rows as rendered: data-metric (and replica), then the cells' text. */
function rows(html: string): string[][] {
  return [...html.matchAll(/<tr data-metric="([^"]+)"(?: data-replica="(\d+)")?>(.*?)<\/tr>/g)].map((m) => [
    `${m[1] ?? ''}${m[2] === undefined ? '' : `:${m[2]}`}`,
    ...[...(m[3] ?? '').matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => c[1] ?? ''),
  ]);
}

describe('the Differences table', () => {
  it('shows the engine\u2019s figures for both sides, with units and the better side, one row per figure', () => {
    const pair = classicComparison('async-sync');
    if (pair === undefined) throw new Error('async-sync');
    const a = createLab({ preset: 'master-slave', playing: false });
    const opened = openComparison(a, pair, kit);
    if (!opened.ok) throw new Error(opened.problems.join('; '));
    const { comparison } = opened;
    a.getState().actions.tick(3_000);
    a.getState().actions.kill('db1');
    a.getState().actions.tick(2_000);
    a.getState().actions.promote('db2');
    a.getState().actions.tick(2_000);

    const html = renderToString(
      <LabStoreContext value={a}>
        <DifferencesTable comparison={comparison} />
      </LabStoreContext>,
    );
    expect(html).toContain('<caption>Differences</caption>');
    const engine = compare(opened.a, opened.b, {
      durationMs: 7_000,
      commands: [
        { at: 0, type: 'startWorkload', args: [DEFAULT_WORKLOAD] },
        { at: 3_000, type: 'kill', args: [{ role: 'primary' }] },
        { at: 5_000, type: 'promote', args: [{ role: 'replica', index: 0 }] },
      ],
    });
    const words = VOCABULARIES['master-slave'];
    expect(rows(html)).toEqual(
      engine.differences.map((d) => [
        `${d.metric}${d.replica === undefined ? '' : `:${d.replica}`}`,
        figureName(d, words),
        figureValue(d, d.a),
        figureValue(d, d.b),
        BETTER_TEXT[shownBetter(d)],
      ]),
    );
    expect(
      rows(html)
        .map((r) => r[0])
        .slice(0, 8),
    ).toEqual([
      'write-p50',
      'write-p99',
      'lag-max',
      'lost-writes',
      'stale-reads',
      'blocked-writes',
      'conflicts',
      'rto',
    ]);
    expect(engine.a.figures.lastFailover).not.toBeNull();
  });

  it('calls the sides the same where their figures read the same, whatever the engine ranked', () => {
    const lag = { metric: 'lag-max', unit: 'ms', a: 48.6, b: 49.0, better: 'a' } as const;
    expect([figureValue(lag, lag.a), figureValue(lag, lag.b)]).toEqual(['49 ms', '49 ms']);
    expect(shownBetter(lag)).toBe('same');
    expect(shownBetter({ ...lag, a: 4.6, b: 4.9 })).toBe('a');
    expect(shownBetter({ metric: 'lost-writes', unit: 'writes', a: 1, b: 0, better: 'b' })).toBe('b');
    expect(shownBetter({ metric: 'rto', unit: 'ms', a: null, b: 900, better: 'b' })).toBe('b');
  });
});
