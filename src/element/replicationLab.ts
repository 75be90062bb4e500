/**
 * `<replication-lab>`: the embed for docs pages, as one tag. Built to `replication-lab.js` beside the lab
 * (vite.config.ts), with nothing of the lab in it: it frames `embed/` of the lab it was loaded from.
 *
 *   <script type="module" src="https://lab.example/replication-lab.js"></script>
 *   <replication-lab scenario="cascading" theme="dark" height="420"></replication-lab>
 *
 * Attributes: `scenario` (a topology preset such as `cascading`, or a share link's run `v1z:…`),
 * `lesson` (a lesson id), `theme` (`light`, `dark` or `system`), `height` (CSS pixels; without it the
 * frame takes the height the embed reports), `title` (the frame's accessible name), `autoplay`. The
 * embed's messages come out as DOM events named by their `type` (`ready`, `state`, `ack`, `result`,
 * `resize`, `lesson-step`), the message in `detail`; `send()` and the shortcuts post commands to it.
 */

/** The protocol's version and markers (README, "postMessage API"). */
const VERSION = 1;
const DEFAULT_HEIGHT = 400;
const ATTRIBUTES = ['scenario', 'lesson', 'theme', 'height', 'title', 'autoplay'] as const;

/** Where the lab is: the folder this script was loaded from (its `embed/` is the embed). */
const LAB = new URL('./', import.meta.url);

/** The embed's URL for the element's attributes. */
export function embedUrl(lab: URL, attributes: (name: string) => string | null): string {
  const url = new URL('embed/', lab);
  const scenario = attributes('scenario')?.trim() ?? '';
  const run = /^v\d+z?:/.test(scenario) ? scenario : null;
  if (scenario !== '' && run === null) url.searchParams.set('preset', scenario);
  for (const name of ['lesson', 'theme', 'autoplay'] as const) {
    const value = attributes(name);
    if (value !== null && value !== '') url.searchParams.set(name, value);
  }
  if (run !== null) url.hash = `s=${run}`;
  return url.href;
}

interface LabMessage {
  readonly source: 'replication-lab';
  readonly v: number;
  readonly type: string;
  readonly id?: unknown;
  readonly height?: unknown;
}

const isLabMessage = (data: unknown): data is LabMessage =>
  typeof data === 'object' &&
  data !== null &&
  (data as { source?: unknown }).source === 'replication-lab' &&
  typeof (data as { type?: unknown }).type === 'string';

export class ReplicationLabElement extends HTMLElement {
  static readonly observedAttributes = ATTRIBUTES;

  private readonly frame = document.createElement('iframe');
  private nextId = 1;
  private readonly acks = new Map<string, (ack: LabMessage) => void>();

  private readonly onMessage = (event: MessageEvent) => {
    if (event.source !== this.frame.contentWindow || !isLabMessage(event.data)) return;
    const message = event.data;
    if ((message.type === 'ready' || message.type === 'resize') && !this.hasAttribute('height')) {
      if (typeof message.height === 'number' && message.height > 0)
        this.frame.style.height = `${Math.ceil(message.height)}px`;
    }
    if (message.type === 'ack' && typeof message.id === 'string') {
      this.acks.get(message.id)?.(message);
      this.acks.delete(message.id);
    }
    this.dispatchEvent(new CustomEvent(message.type, { detail: message }));
  };

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent =
      ':host{display:block;max-width:100%}iframe{display:block;width:100%;border:0;color-scheme:normal}';
    this.frame.loading = 'lazy';
    this.frame.allow = 'fullscreen; clipboard-write';
    root.append(style, this.frame);
  }

  connectedCallback(): void {
    window.addEventListener('message', this.onMessage);
    this.render();
  }

  disconnectedCallback(): void {
    window.removeEventListener('message', this.onMessage);
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.render();
  }

  private render(): void {
    const src = embedUrl(LAB, (name) => this.getAttribute(name));
    if (this.frame.src !== src) this.frame.src = src;
    this.frame.title = this.getAttribute('title') ?? 'Replication Lab';
    const height = Number(this.getAttribute('height'));
    this.frame.style.height = `${Number.isFinite(height) && height > 0 ? height : DEFAULT_HEIGHT}px`;
  }

  /** The embed's window, once the frame has one. */
  get contentWindow(): Window | null {
    return this.frame.contentWindow;
  }

  /**
   * Posts a command (`{ type: 'play' }`, `{ type: 'inject-write', key, value }`, …) and resolves with its
   * `ack`. Before the embed is `ready` a command is lost: wait for the `ready` event.
   */
  send(command: { readonly type: string } & Record<string, unknown>): Promise<LabMessage> {
    const id = `element-${this.nextId++}`;
    return new Promise((resolve) => {
      this.acks.set(id, resolve);
      this.frame.contentWindow?.postMessage(
        { ...command, target: 'replication-lab', v: VERSION, id },
        new URL(this.frame.src).origin,
      );
    });
  }

  play(): Promise<LabMessage> {
    return this.send({ type: 'play' });
  }

  pause(): Promise<LabMessage> {
    return this.send({ type: 'pause' });
  }

  step(): Promise<LabMessage> {
    return this.send({ type: 'step' });
  }

  seek(time: number): Promise<LabMessage> {
    return this.send({ type: 'seek', time });
  }

  injectWrite(write: {
    readonly key: string;
    readonly value: string;
    readonly node?: string;
  }): Promise<LabMessage> {
    return this.send({ type: 'inject-write', ...write });
  }
}

if (customElements.get('replication-lab') === undefined)
  customElements.define('replication-lab', ReplicationLabElement);
