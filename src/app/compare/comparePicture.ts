/** A picture of a comparison: both sides' graphs as drawn, side by side, and the differences table below. */
import type { Difference } from '../../engine/index.ts';
import type { Vocabulary } from '../../view/vocabulary.ts';
import { buildSvg, type ExportedSvg } from '../export/exportGraph.ts';
import { BETTER_TEXT, figureName, figureValue } from './differenceText.ts';

const ROW = 20;
const TITLE = 36;

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Builds the picture from the two `[data-side]` elements under `root`; throws when they are not on screen. */
export function comparePicture(
  root: HTMLElement,
  title: string,
  link: string,
  differences: readonly Difference[],
  words: Vocabulary,
): ExportedSvg {
  const sides = (['A', 'B'] as const).map((side) => {
    const element = root.querySelector<HTMLElement>(`[data-side="${side}"]`);
    if (element === null) throw new Error('Show both sides of the comparison to export a picture of it');
    return buildSvg(
      element,
      `${side}: ${element.querySelector('h2')?.textContent.slice(1).trim() ?? ''}`,
      link,
    );
  });
  const [a, b] = sides as [ExportedSvg, ExportedSvg];
  const width = a.width + b.width;
  const graphs = Math.max(a.height, b.height);
  const tableTop = TITLE + graphs + 12;
  const height = tableTop + (differences.length + 1) * ROW + 12;
  const page = getComputedStyle(document.body);
  const text = (x: number, y: number, content: string, anchor = 'start', weight = 400) =>
    `<text x="${x}" y="${y}" text-anchor="${anchor}" font-weight="${weight}">${escapeXml(content)}</text>`;
  const nested = (svg: ExportedSvg, x: number) => svg.text.replace(/^<svg /, `<svg x="${x}" y="${TITLE}" `);
  const columns = [width * 0.45, width * 0.65, width * 0.85, width - 12];
  const rows = differences.map((d, i) => {
    const y = tableTop + (i + 2) * ROW - 6;
    return [
      text(12, y, figureName(d, words)),
      text(columns[0] ?? 0, y, figureValue(d, d.a), 'end', d.better === 'a' ? 700 : 400),
      text(columns[1] ?? 0, y, figureValue(d, d.b), 'end', d.better === 'b' ? 700 : 400),
      text(columns[2] ?? 0, y, BETTER_TEXT[d.better], 'end'),
    ].join('');
  });
  const header = [
    text(12, tableTop + ROW - 6, 'Differences', 'start', 700),
    text(columns[0] ?? 0, tableTop + ROW - 6, 'A', 'end', 700),
    text(columns[1] ?? 0, tableTop + ROW - 6, 'B', 'end', 700),
    text(columns[2] ?? 0, tableTop + ROW - 6, 'Better', 'end', 700),
  ].join('');
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<metadata>${escapeXml(link)}</metadata><title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="${page.backgroundColor}"/>`,
    `<g font-family="${escapeXml(page.fontFamily)}" font-size="13" fill="${page.color}">`,
    `<text x="12" y="24" font-size="16" font-weight="700">${escapeXml(title)}</text>`,
    nested(a, 0),
    nested(b, a.width),
    header,
    ...rows,
    '</g></svg>',
  ].join('');
  return { text: out, width, height };
}
