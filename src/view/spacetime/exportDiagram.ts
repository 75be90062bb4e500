/**
 * The space-time diagram as a picture for the Share dialog: the window it shows, painted by the same
 * painter as the screen into SVG (svgContext.ts), with the lanes' names, a title, the key to the arrows,
 * and the share link in <metadata> so the picture can be reopened.
 */
import type { MessageKind } from '../../engine/index.ts';
import type { LabState } from '../../store/index.ts';
import { DASH, WIDTH, paint } from './draw.ts';
import { emphasisOf } from './emphasis.ts';
import { arrowsIn, windowOf, type Plot } from './geometry.ts';
import { laneOrder } from './lanes.ts';
import { kindWords } from './messageText.ts';
import { readPalette } from './palette.ts';
import { SvgContext, escapeXml } from './svgContext.ts';

const TITLE = 36;
const LANE = 30;
const AXIS = 18;
const GUTTER = 64;
const KEY_ROW = 22;
const KINDS: readonly MessageKind[] = ['entries', 'ack', 'hello', 'snapshot', 'heartbeat', 'certify'];

export interface DiagramPicture {
  readonly text: string;
  readonly width: number;
  readonly height: number;
}

/** The diagram of `state`'s shown run over the window the diagram shows (or would, were it open). */
export function diagramSvg(
  state: LabState,
  options: {
    readonly width: number;
    readonly title: string;
    readonly link: string;
    readonly within: Element;
  },
): DiagramPicture {
  const { width, title, link } = options;
  const palette = readPalette(options.within);
  const lanes = laneOrder(state.snapshot.nodes);
  const now = state.simTime;
  const window = windowOf(state.spaceTimeView, now, false);
  const plotHeight = AXIS + lanes.length * LANE + 6;
  const plot: Plot = {
    left: GUTTER,
    width: width - GUTTER - 12,
    laneY: new Map(lanes.map((id, i) => [id, AXIS + i * LANE + LANE / 2])),
  };
  const { messages, operations } = state.actions.spaceTime(window.from, window.to);
  const context = new SvgContext();
  paint(
    context,
    {
      plot,
      window,
      height: plotHeight,
      now,
      arrows: arrowsIn(messages, plot, window, now),
      operations,
      markers: state.timeline.markers,
      focus: null,
      emphasis: emphasisOf(state),
    },
    palette,
  );
  const labels = lanes
    .map(
      (id, i) =>
        `<text x="8" y="${AXIS + i * LANE + LANE / 2 + 4}" font-size="12" font-weight="600">${escapeXml(id)}</text>`,
    )
    .join('');
  const key = KINDS.map((kind, i) => {
    const x = 12 + (i % 3) * Math.floor((width - 24) / 3);
    const y = Math.floor(i / 3) * KEY_ROW;
    const line = `<line x1="${x}" x2="${x + 24}" y1="${y + 8}" y2="${y + 8}" stroke="${palette.kinds[kind]}" stroke-width="${WIDTH[kind] + 0.5}"${DASH[kind].length === 0 ? '' : ` stroke-dasharray="${DASH[kind].join(' ')}"`}/>`;
    return `${line}<text x="${x + 30}" y="${y + 12}" font-size="12">${escapeXml(kindWords(kind))}</text>`;
  }).join('');
  const keyHeight = Math.ceil(KINDS.length / 3) * KEY_ROW + 8;
  const height = TITLE + plotHeight + keyHeight;
  const text = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">`,
    `<metadata>${escapeXml(link)}</metadata>`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="${palette.surface}"/>`,
    `<text x="12" y="24" font-size="16" font-weight="700" fill="${palette.text}">${escapeXml(title)}</text>`,
    `<g transform="translate(0 ${TITLE})" fill="${palette.text}">${labels}${context.body()}</g>`,
    `<g transform="translate(0 ${TITLE + plotHeight + 4})" fill="${palette.muted}">${key}</g>`,
    '</svg>',
  ].join('\n');
  return { text, width, height };
}
