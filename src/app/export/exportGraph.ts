/**
 * Exports the graph as it is drawn: the React-rendered SVG cloned with every computed style
 * inlined (so CSS variables and the theme become literal colours), a title, the legend, and the
 * share link in <metadata> so the picture can be reopened. PNG rasterizes that SVG at 2×.
 */

export { download } from './download.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The presentation properties the graph's CSS sets; everything else keeps SVG defaults. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'marker-start',
  'marker-end',
  'visibility',
] as const;

/** Copies computed styles from `source` onto `target`, element by element (same tree shape). */
function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  if (computed.display === 'none') {
    target.remove();
    return;
  }
  const style = STYLE_PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
  target.setAttribute('style', style);
  target.removeAttribute('tabindex');
  const sourceChildren = Array.from(source.children);
  Array.from(target.children).forEach((child, i) => {
    const from = sourceChildren[i];
    if (from !== undefined) inlineStyles(from, child);
  });
}

function styledClone<T extends Element>(element: T): T {
  const copy = element.cloneNode(true) as T;
  inlineStyles(element, copy);
  return copy;
}

function svgElement(name: string, attributes: Record<string, string | number>): SVGElement {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

export interface ExportedSvg {
  readonly text: string;
  readonly width: number;
  readonly height: number;
}

const TITLE_HEIGHT = 36;
const LEGEND_ROW = 24;

/**
 * Builds the export from the graph's <svg> and legend found under `root`.
 * Throws an Error with a readable message when the graph is not on screen.
 */
export function buildSvg(root: HTMLElement, title: string, link: string): ExportedSvg {
  const graph = root.querySelector<SVGSVGElement>('svg.graph-svg');
  if (graph === null) throw new Error('Show the graph (not the table) to export a picture of it');
  const box = graph.getBoundingClientRect();
  const width = Math.max(320, Math.round(box.width));
  const graphHeight = Math.max(200, Math.round(box.height));
  const page = getComputedStyle(document.body);
  const textColour = page.color;
  const font = page.fontFamily;

  // The legend wraps onto rows of the export's width.
  const items = Array.from(root.querySelectorAll<HTMLLIElement>('.legend li'));
  const legend = svgElement('g', { 'font-family': font, 'font-size': 13, fill: textColour });
  let x = 12;
  let row = 0;
  for (const item of items) {
    const swatch = item.querySelector('svg');
    // The item's words, not the text drawn in its swatches (a badge's "n lost").
    const words = item.cloneNode(true) as HTMLLIElement;
    for (const drawn of Array.from(words.querySelectorAll('svg'))) drawn.replaceWith(' ');
    const label = words.textContent.replace(/\s+/g, ' ').trim();
    // Words start past the swatch (a wide badge's too).
    const textX = Math.max(34, Number(swatch?.getAttribute('width') ?? 22) + 10);
    const itemWidth = textX + label.length * 7.5 + 14;
    if (x + itemWidth > width - 12 && x > 12) {
      x = 12;
      row += 1;
    }
    const y = row * LEGEND_ROW;
    if (swatch !== null) {
      const copy = styledClone(swatch);
      copy.setAttribute('x', String(x));
      copy.setAttribute('y', String(y + 3));
      legend.append(copy);
    }
    const text = svgElement('text', { x: x + textX, y: y + 16 });
    text.textContent = label;
    legend.append(text);
    x += itemWidth;
  }
  const legendHeight = items.length === 0 ? 0 : (row + 1) * LEGEND_ROW + 12;
  const height = TITLE_HEIGHT + graphHeight + legendHeight;

  const out = svgElement('svg', { width, height, viewBox: `0 0 ${width} ${height}` });
  out.setAttribute('xmlns', SVG_NS);
  const metadata = svgElement('metadata', {});
  metadata.textContent = link;
  out.append(metadata);
  const titleElement = svgElement('title', {});
  titleElement.textContent = title;
  out.append(titleElement);
  out.append(svgElement('rect', { width, height, fill: page.backgroundColor }));
  const heading = svgElement('text', {
    x: 12,
    y: 24,
    'font-family': font,
    'font-size': 16,
    'font-weight': 700,
    fill: textColour,
  });
  heading.textContent = title;
  out.append(heading);

  const picture = styledClone(graph);
  for (const attribute of ['class', 'role', 'aria-label', 'style']) picture.removeAttribute(attribute);
  picture.setAttribute('x', '0');
  picture.setAttribute('y', String(TITLE_HEIGHT));
  picture.setAttribute('width', String(width));
  picture.setAttribute('height', String(graphHeight));
  out.append(picture);

  legend.setAttribute('transform', `translate(0 ${TITLE_HEIGHT + graphHeight + 6})`);
  out.append(legend);
  return { text: new XMLSerializer().serializeToString(out), width, height };
}

/** Rasterizes an exported SVG at `scale`× into a PNG blob. */
export async function svgToPng(svg: ExportedSvg, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(svg.width * scale);
    canvas.height = Math.round(svg.height * scale);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('this browser cannot draw on a canvas');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, svg.width, svg.height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => {
        if (blob === null) reject(new Error('the browser could not encode the PNG'));
        else resolve(blob);
      }, 'image/png');
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** "master-and-two-slaves-async-12.4s" from a title and the simulated time. */
export function fileStem(title: string, simMs: number): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${slug === '' ? 'replication-lab' : slug}-${(simMs / 1000).toFixed(1)}s`;
}
