/** A message of the space-time diagram in words: "db1 → db3: entries 41–48, sent 12.10 s, arrived 12.26 s". */
import type { MessageKind } from '../../engine/index.ts';
import { formatSeconds } from '../../store/index.ts';
import type { MessageMark } from './geometry.ts';

const KIND_WORDS: Readonly<Record<MessageKind, string>> = {
  entries: 'entries (solid line, dot)',
  ack: 'acknowledgement (dashed, diamond)',
  hello: 'hello (dotted, square)',
  snapshot: 'snapshot (thick line, large square)',
  heartbeat: 'heartbeat (sparse dots, ring)',
  certify: 'certification request (dash-dot, triangle down)',
};

/** How the diagram draws a kind, for its key. */
export function kindWords(kind: MessageKind): string {
  return KIND_WORDS[kind];
}

const writesOf = (mark: MessageMark): string =>
  mark.opIds === undefined || mark.opIds.length === 0
    ? ''
    : ` (write${mark.opIds.length === 1 ? '' : 's'} ${mark.opIds.map((id) => `#${id}`).join(', ')})`;

/** What a message carried: "entries 41–48", "an acknowledgement", "a snapshot of 120 keys". */
export function payloadText(mark: MessageMark): string {
  switch (mark.payload) {
    case 'certify':
      return `a write-set to certify${writesOf(mark)}`;
    case 'vote':
      return 'a certification vote';
    case 'decided':
      return 'a certification decision';
    case 'peer-hello':
      return 'a subscription to its writes';
    case 'peer-ack':
      return 'a confirmation of its writes';
    default:
      break;
  }
  switch (mark.kind) {
    case 'entries': {
      const { firstLsn: first, lastLsn: last } = mark;
      if (first === undefined || last === undefined) return 'entries';
      return `${first === last ? `entry ${first}` : `entries ${first}–${last}`}${writesOf(mark)}`;
    }
    case 'ack':
      return 'an acknowledgement';
    case 'hello':
      return 'a hello';
    case 'snapshot':
      return mark.size === undefined ? 'a snapshot' : `a snapshot of ${mark.size} keys`;
    case 'heartbeat':
      return 'a heartbeat';
    case 'certify':
      return `a write-set to certify${writesOf(mark)}`;
  }
}

const DROP_WORDS = {
  cut: 'the link was cut',
  down: 'its receiver was down',
  removed: 'its receiver was removed',
} as const;

/** How it ended: "arrived 12.26 s", "lost 12.20 s (the link was cut)", "in flight". */
export function outcomeText(mark: MessageMark): string {
  if (mark.arrivedAt !== undefined) return `arrived ${formatSeconds(mark.arrivedAt)}`;
  if (mark.droppedAt !== undefined)
    return `lost ${formatSeconds(mark.droppedAt)}${mark.dropReason === undefined ? '' : ` (${DROP_WORDS[mark.dropReason]})`}`;
  return 'still in flight';
}

export function describeMessage(mark: MessageMark): string {
  return `${mark.from} → ${mark.to}: ${payloadText(mark)}, sent ${formatSeconds(mark.sentAt)}, ${outcomeText(mark)}`;
}
