/**
 * The network's state as data (see network/network.ts): everything on the wire and about the links, and
 * the records of messages that ended (messageLog.ts). Here, with the rest of save and restore, so the
 * lab's first frame carries only the live network.
 */
import type { Network, SavedNetwork } from '../network/network.ts';
import type { NodeId, SimTime } from '../types.ts';
import { loadMessageLog, saveMessageLog } from './messageLog.ts';

/** Everything on the wire and about the links, with each payload written by `savePayload`. */
export function saveNetwork<P>(network: Network<P>, savePayload: (payload: P) => unknown): SavedNetwork {
  return {
    inFlight: Array.from(network.inFlight.values(), ({ message, payload }) => ({
      message,
      payload: savePayload(payload),
    })),
    records: saveMessageLog(network.records),
    lastDelivery: [...network.lastDelivery].flatMap(([from, out]) =>
      [...out].map(([to, at]) => [from, to, at] as const),
    ),
    latencyOverrides: [...network.latencyOverrides],
    sides: [...network.sides],
    partitioned: network.partitioned,
    droppedPairs: [...network.droppedPairs],
    dropped: network.dropped,
    nextId: network.nextId,
    latencyMs: network.latencyMs,
    jitterMs: network.jitterMs,
    random: network.random.state(),
  };
}

/**
 * Puts saved state back (read and checked by read.ts), payloads already made. A save without records (an
 * older one) has none of the messages that ended before it.
 */
export function loadNetwork<P>(network: Network<P>, state: SavedNetwork<P>): void {
  for (const { message, payload } of state.inFlight) network.inFlight.set(message.id, { message, payload });
  loadMessageLog(network.records, state.records, [...network.inFlight.keys()]);
  for (const [from, to, at] of state.lastDelivery) {
    let out = network.lastDelivery.get(from);
    if (out === undefined) network.lastDelivery.set(from, (out = new Map<NodeId, SimTime>()));
    out.set(to, at);
  }
  for (const [key, ms] of state.latencyOverrides) network.latencyOverrides.set(key, ms);
  for (const [id, side] of state.sides) network.sides.set(id, side);
  network.partitioned = state.partitioned;
  for (const p of state.droppedPairs) network.droppedPairs.add(p);
  network.dropped = state.dropped;
  network.nextId = state.nextId;
  network.latencyMs = state.latencyMs;
  network.jitterMs = state.jitterMs;
  network.random.restore(state.random);
  network.version++;
}
