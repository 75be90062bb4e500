/**
 * A stand-in for a canvas's 2D context that writes SVG: the diagram's one painter (draw.ts) draws the
 * picture the Share dialog exports exactly as it draws the screen. Only what the painter uses is here:
 * paths of lines, rectangles and arcs, stroke and fill, dashes, clipping to a rectangle, text.
 */

/** The context's surface the painter uses: a subset of CanvasRenderingContext2D. */
export type Painter = Pick<
  CanvasRenderingContext2D,
  | 'save'
  | 'restore'
  | 'beginPath'
  | 'closePath'
  | 'moveTo'
  | 'lineTo'
  | 'rect'
  | 'arc'
  | 'clip'
  | 'stroke'
  | 'fill'
  | 'fillRect'
  | 'fillText'
  | 'setLineDash'
  | 'strokeStyle'
  | 'fillStyle'
  | 'lineWidth'
  | 'globalAlpha'
  | 'font'
  | 'textAlign'
>;

const n = (value: number): string => String(Math.round(value * 100) / 100);

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface State {
  strokeStyle: string;
  fillStyle: string;
  lineWidth: number;
  globalAlpha: number;
  font: string;
  textAlign: CanvasTextAlign;
  dash: number[];
  clips: number;
}

export class SvgContext implements Painter {
  strokeStyle: string = '#000';
  fillStyle: string = '#000';
  lineWidth = 1;
  globalAlpha = 1;
  font = '10px sans-serif';
  textAlign: CanvasTextAlign = 'start';
  private dash: number[] = [];
  private path: string[] = [];
  private readonly out: string[] = [];
  private readonly stack: State[] = [];
  /** Clip groups open in the current state, closed when it is restored. */
  private clips = 0;
  private clipCount = 0;

  save(): void {
    const { strokeStyle, fillStyle, lineWidth, globalAlpha, font, textAlign, dash, clips } = this;
    this.stack.push({ strokeStyle, fillStyle, lineWidth, globalAlpha, font, textAlign, dash, clips });
    this.clips = 0;
  }

  restore(): void {
    for (; this.clips > 0; this.clips--) this.out.push('</g>');
    const state = this.stack.pop();
    if (state !== undefined) Object.assign(this, state);
  }

  beginPath(): void {
    this.path = [];
  }

  closePath(): void {
    this.path.push('Z');
  }

  moveTo(x: number, y: number): void {
    this.path.push(`M${n(x)},${n(y)}`);
  }

  lineTo(x: number, y: number): void {
    this.path.push(`L${n(x)},${n(y)}`);
  }

  rect(x: number, y: number, w: number, h: number): void {
    this.path.push(`M${n(x)},${n(y)}h${n(w)}v${n(h)}h${n(-w)}Z`);
  }

  /** Whole circles only (all the painter draws): two half arcs. */
  arc(x: number, y: number, r: number): void {
    this.path.push(
      `M${n(x + r)},${n(y)}A${n(r)},${n(r)} 0 1 1 ${n(x - r)},${n(y)}A${n(r)},${n(r)} 0 1 1 ${n(x + r)},${n(y)}`,
    );
  }

  clip(): void {
    const id = `clip${++this.clipCount}`;
    this.out.push(
      `<clipPath id="${id}"><path d="${this.path.join('')}"/></clipPath><g clip-path="url(#${id})">`,
    );
    this.clips++;
  }

  setLineDash(segments: Iterable<number>): void {
    this.dash = [...segments];
  }

  private alpha(): string {
    return this.globalAlpha === 1 ? '' : ` opacity="${n(this.globalAlpha)}"`;
  }

  stroke(): void {
    if (this.path.length === 0) return;
    const dash = this.dash.length === 0 ? '' : ` stroke-dasharray="${this.dash.map(n).join(' ')}"`;
    this.out.push(
      `<path d="${this.path.join('')}" fill="none" stroke="${escape(this.strokeStyle)}" stroke-width="${n(this.lineWidth)}"${dash}${this.alpha()}/>`,
    );
  }

  fill(): void {
    if (this.path.length === 0) return;
    this.out.push(`<path d="${this.path.join('')}" fill="${escape(this.fillStyle)}"${this.alpha()}/>`);
  }

  fillRect(x: number, y: number, w: number, h: number): void {
    this.out.push(
      `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="${escape(this.fillStyle)}"${this.alpha()}/>`,
    );
  }

  fillText(text: string, x: number, y: number): void {
    const anchor =
      this.textAlign === 'center'
        ? 'middle'
        : this.textAlign === 'right' || this.textAlign === 'end'
          ? 'end'
          : 'start';
    const size = /(\d+(?:\.\d+)?)px/.exec(this.font)?.[1] ?? '10';
    this.out.push(
      `<text x="${n(x)}" y="${n(y)}" fill="${escape(this.fillStyle)}" font-size="${size}" font-family="system-ui, sans-serif" text-anchor="${anchor}">${escape(text)}</text>`,
    );
  }

  /** The SVG elements drawn so far (without the outer <svg>). */
  body(): string {
    for (; this.clips > 0; this.clips--) this.out.push('</g>');
    return this.out.join('\n');
  }
}

export { escape as escapeXml };
