/**
 * The diagram's colours, read from the theme: computed colours resolve the theme's light-dark() values,
 * which the raw custom properties do not, so each is read through a probe element's `color`.
 */
import type { Palette } from './draw.ts';

const VARIABLES = {
  entries: '--msg-entries',
  ack: '--msg-ack',
  hello: '--msg-hello',
  snapshot: '--msg-snapshot',
  heartbeat: '--text-muted',
  certify: '--msg-certify',
  text: '--text',
  muted: '--text-muted',
  grid: '--border',
  down: '--down-fill',
  cursor: '--accent',
  ok: '--ok',
  bad: '--danger',
  warn: '--warn',
  highlight: '--text',
  surface: '--surface',
} as const;

/** The palette as the theme resolves it under `within` (the lab's root, so a forced theme applies). */
export function readPalette(within: Element): Palette & { readonly surface: string } {
  const probe = document.createElement('span');
  probe.hidden = true;
  within.append(probe);
  const colour = (variable: string) => {
    probe.style.color = `var(${variable})`;
    return getComputedStyle(probe).color;
  };
  const read = Object.fromEntries(
    Object.entries(VARIABLES).map(([name, variable]) => [name, colour(variable)]),
  ) as Record<keyof typeof VARIABLES, string>;
  probe.remove();
  return {
    ...read,
    kinds: {
      entries: read.entries,
      ack: read.ack,
      hello: read.hello,
      snapshot: read.snapshot,
      heartbeat: read.heartbeat,
      certify: read.certify,
    },
  };
}
