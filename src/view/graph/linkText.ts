/** The words a replication link announces: its ends, kind, latency and state. */
import type { LinkView } from '../../engine/index.ts';

/** E.g. "Link db1 to db2, async, 150 ms, cut". */
export function linkAccessibleName(link: LinkView, sync: boolean): string {
  const parts = [
    link.peer ? `Peer link ${link.from} and ${link.to} (both ways)` : `Link ${link.from} to ${link.to}`,
    sync ? 'sync' : 'async',
    `${Math.round(link.latencyMs)} ms`,
  ];
  if (link.cut) parts.push('cut');
  else if (!link.connected) parts.push('not connected');
  return parts.join(', ');
}
