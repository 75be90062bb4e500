/**
 * The message records' saved form (see observe/messages.ts and observe/messageChunk.ts): made for `save()`
 * and put back on restore. It is here, with the rest of save and restore, so the lab's first frame carries
 * only the live recording path.
 */
import { Chunk, EMPTY, numbers, type Column, type SavedChunk } from '../observe/messageChunk.ts';
import type { MessageLog, SavedMessageLog } from '../observe/messages.ts';

/** A chunk's state as data: made once when frozen, and shared by every save from then on. */
function saveChunk(chunk: Chunk): SavedChunk {
  if (chunk.savedForm !== undefined) return chunk.savedForm;
  const n = chunk.top;
  const column = (values: Column): number[] => numbers(values, 0, n);
  const names = <T>(values: (T | null | undefined)[]): (T | null)[] => {
    const out = new Array<T | null>(n);
    for (let i = 0; i < n; i++) out[i] = values[i] ?? null;
    return out;
  };
  const saved: SavedChunk = {
    first: chunk.first,
    capacity: chunk.capacity,
    fate: column(chunk.fate),
    kind: names(chunk.kind),
    payload: names(chunk.payload),
    from: names(chunk.from),
    to: names(chunk.to),
    sentAt: column(chunk.sentAt),
    deliverAt: column(chunk.deliverAt),
    endedAt: column(chunk.endedAt),
    size: column(chunk.size),
    firstLsn: column(chunk.firstLsn),
    lastLsn: column(chunk.lastLsn),
    opStart: column(chunk.opStart),
    opCount: column(chunk.opCount),
    opIds: numbers(chunk.opIds, 0, chunk.opLength),
  };
  // A slot not written (in flight) is saved empty, whatever a reused chunk left there.
  for (let i = 0; i < n; i++) {
    if (saved.fate[i] !== EMPTY) continue;
    for (const values of [saved.sentAt, saved.deliverAt, saved.endedAt, saved.size] as number[][])
      values[i] = 0;
    for (const values of [saved.firstLsn, saved.lastLsn, saved.opStart, saved.opCount] as number[][])
      values[i] = 0;
    for (const values of [saved.kind, saved.payload, saved.from, saved.to] as unknown[][]) values[i] = null;
  }
  if (chunk.frozen) chunk.savedForm = saved;
  return saved;
}

/**
 * A chunk from its saved form (checked by read.ts): a frozen one reads the save's arrays (a seek restores
 * many saves that share it), one that may still change copies them.
 */
function loadChunk(saved: SavedChunk): Chunk {
  const n = saved.fate.length;
  if (n === saved.capacity && !saved.fate.includes(EMPTY))
    return new Chunk(saved.first, saved.capacity, saved);
  const chunk = new Chunk(saved.first, saved.capacity);
  const copy = (to: Column, from: readonly number[]) => {
    (to as Float64Array).set(from);
  };
  copy(chunk.fate, saved.fate);
  copy(chunk.sentAt, saved.sentAt);
  copy(chunk.deliverAt, saved.deliverAt);
  copy(chunk.endedAt, saved.endedAt);
  copy(chunk.size, saved.size);
  copy(chunk.firstLsn, saved.firstLsn);
  copy(chunk.lastLsn, saved.lastLsn);
  copy(chunk.opStart, saved.opStart);
  copy(chunk.opCount, saved.opCount);
  if (saved.opIds.length > chunk.opIds.length) chunk.opIds = new Float64Array(saved.opIds.length);
  copy(chunk.opIds, saved.opIds);
  chunk.opLength = saved.opIds.length;
  for (let i = 0; i < n; i++) {
    chunk.kind[i] = saved.kind[i] ?? undefined;
    chunk.payload[i] = saved.payload[i] ?? undefined;
    chunk.from[i] = saved.from[i] ?? undefined;
    chunk.to[i] = saved.to[i] ?? undefined;
    if (saved.fate[i] !== EMPTY) chunk.written++;
  }
  chunk.top = n;
  return chunk;
}

/** The log's state as data: a frozen chunk's is made once and shared by every save from then on. */
export function saveMessageLog(log: MessageLog): SavedMessageLog {
  return { held: log.held.slice(), chunks: log.chunks.map(saveChunk) };
}

/**
 * Puts saved state back (read and checked by read.ts; frozen chunks read the save's arrays), or with none
 * (an older save) starts at the oldest message in flight. `inFlight`: their ids.
 */
export function loadMessageLog(
  log: MessageLog,
  state: SavedMessageLog | null,
  inFlight: readonly number[],
): void {
  log.held = state?.held.slice() ?? [];
  log.chunks = state?.chunks.map(loadChunk) ?? [];
  const first = log.chunks[0]?.first ?? Number.POSITIVE_INFINITY;
  let oldest = Number.POSITIVE_INFINITY;
  log.olderInFlight = 0;
  for (const id of inFlight) {
    if (id < first) log.olderInFlight++;
    oldest = Math.min(oldest, id);
  }
  // With no chunk, every message in flight is in the chunks to come.
  if (log.chunks.length === 0) log.olderInFlight = 0;
  log.nextFirst = oldest === Number.POSITIVE_INFINITY ? 1 : oldest - ((oldest - 1) % log.chunkSize);
}
