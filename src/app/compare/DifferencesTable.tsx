/**
 * The comparison's figures side by side, live at the panels' pace (never per frame): one row per figure
 * (`data-metric`), each with its unit and which side is better, in words as well as in weight.
 */
import { useLabStore } from '../../store/index.ts';
import type { Comparison } from '../../store/compare/coordinator.ts';
import { useWords } from '../../view/vocabulary.ts';
import { BETTER_TEXT, figureName, figureValue, shownBetter } from './differenceText.ts';

export function DifferencesTable({ comparison }: { readonly comparison: Comparison }) {
  const words = useWords();
  // Heard at the panels' pace (this sits in the side panel's PanelPace), so the figures are worked out at
  // most four times a second while the run plays: on a new instant or a new snapshot.
  useLabStore((s) => s.simTime);
  useLabStore((s) => s.snapshot);
  const figures = comparison.figures();
  return (
    <section className="panel compare-table-panel">
      <table className="compare-table">
        <caption>Differences</caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">A</th>
            <th scope="col">B</th>
            <th scope="col">Better</th>
          </tr>
        </thead>
        <tbody>
          {figures.differences.map((d) => {
            const better = shownBetter(d);
            return (
              <tr
                key={`${d.metric}:${d.replica ?? ''}`}
                data-metric={d.metric}
                {...(d.replica === undefined ? {} : { 'data-replica': d.replica })}
              >
                <th scope="row">{figureName(d, words)}</th>
                <td className={better === 'a' ? 'compare-better' : undefined}>{figureValue(d, d.a)}</td>
                <td className={better === 'b' ? 'compare-better' : undefined}>{figureValue(d, d.b)}</td>
                <td data-better={better}>{BETTER_TEXT[better]}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
