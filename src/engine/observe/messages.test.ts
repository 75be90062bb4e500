/** Message records (`sim.messages()`): what each message did, from its send to its arrival or loss. */
import { describe, expect, it } from 'vitest';
import {
  createSimulation,
  MESSAGE_RECORDS_KEPT,
  restoreSimulation,
  SimulationError,
  type Message,
  type MessageRecord,
  type Simulation,
} from '../index.ts';
import { cluster, startedCluster } from '../testing.ts';
import { loadMessageLog, saveMessageLog } from '../persist/messageLog.ts';
import { MessageLog, PAYLOAD_KINDS, type LiveRecord, type SavedMessageLog } from './messages.ts';

/** The default ship rate (entries per second): a batch of n takes n / 20 ms to put on the wire. */
const SHIP_MS_PER_ENTRY = 1000 / 20_000;

const since = (sim: Simulation, id: number): MessageRecord[] => sim.messages().filter((m) => m.id > id);
const lastId = (sim: Simulation): number => sim.messages().at(-1)?.id ?? 0;
const ended = (m: MessageRecord): boolean => m.arrivedAt !== undefined || m.droppedAt !== undefined;
const carrying = (sim: Simulation, opId: number): MessageRecord[] =>
  sim.messages().filter((m) => m.opIds?.includes(opId) === true);

/** Two primaries db1 and db2 in one async (last-writer-wins) group, each with a replica, at `latencyMs`. */
function masters(latencyMs: number, mode: 'async' | 'sync' = 'async'): Simulation {
  const sim = createSimulation({
    seed: 3,
    nodes: [
      { id: 'db1', role: 'primary' },
      { id: 'db2', role: 'primary' },
      { id: 'r1', role: 'replica', upstream: 'db1' },
      { id: 'r2', role: 'replica', upstream: 'db2' },
    ],
    replication: { mode },
    network: { latencyMs, jitterMs: 0 },
  });
  sim.advance(2 * latencyMs + 100);
  return sim;
}

describe('a write on a primary with two replicas', () => {
  it('is one entries batch to each replica, carrying its LSN range and op ids, then an ack back from each', () => {
    const sim = startedCluster(2, {}, { latencyMs: 10 });
    const start = lastId(sim);
    const writes = [sim.write('db1', 'a', '1'), sim.write('db1', 'b', '2'), sim.write('db1', 'c', '3')];
    sim.advance(2);
    const opIds = writes.map((w) => w.id);
    const batches = since(sim, start);
    // One group commit, one batch per replica: on the wire, with the in-flight messages' ids.
    expect(batches.map((m) => [m.kind, m.from, m.to, m.firstLsn, m.lastLsn, m.size, m.opIds])).toEqual([
      ['entries', 'db1', 'db2', 1, 3, 3, opIds],
      ['entries', 'db1', 'db3', 1, 3, 3, opIds],
    ]);
    expect(batches.every((m) => !ended(m))).toBe(true);
    expect(sim.snapshot().messages.map((m) => m.id)).toEqual(batches.map((m) => m.id));

    sim.runUntilIdle();
    const records = since(sim, start);
    expect(records.map((m) => [m.kind, m.from, m.to])).toEqual([
      ['entries', 'db1', 'db2'],
      ['entries', 'db1', 'db3'],
      ['ack', 'db2', 'db1'],
      ['ack', 'db3', 'db1'],
    ]);
    const [toDb2, toDb3, ackDb2, ackDb3] = records;
    // The commit flushed at 101; the second batch waits while the first is put on the wire.
    expect(toDb2?.sentAt).toBe(101);
    expect(toDb3?.sentAt).toBeCloseTo(101 + 3 * SHIP_MS_PER_ENTRY, 9);
    for (const batch of [toDb2, toDb3])
      expect((batch?.arrivedAt ?? 0) - (batch?.sentAt ?? 0)).toBeCloseTo(10 + 3 * SHIP_MS_PER_ENTRY, 9);
    for (const ack of [ackDb2, ackDb3]) {
      expect(ack?.opIds).toBeUndefined();
      expect((ack?.arrivedAt ?? 0) - (ack?.sentAt ?? 0)).toBe(10);
    }
    for (const m of records) {
      expect(m.arrivedAt).toBe(m.deliverAt);
      expect(m.droppedAt).toBeUndefined();
    }
  });

  it('records the stream opening too: hellos, an empty first batch without LSNs or ops, acks', () => {
    const sim = createSimulation(cluster(1, {}, { latencyMs: 10 }));
    sim.advance(100);
    expect(sim.messages().map((m) => [m.kind, m.from, m.to, m.sentAt, m.arrivedAt, m.size])).toEqual([
      ['hello', 'db2', 'db1', 0, 10, 1],
      ['entries', 'db1', 'db2', 10, 20, 0],
      ['ack', 'db2', 'db1', 20, 30, 1],
    ]);
    expect(sim.messages()[1]).not.toHaveProperty('opIds');
    expect(sim.messages()[1]).not.toHaveProperty('firstLsn');
  });
});

describe('a message that meets a cut', () => {
  it('is dropped when it is due across the cut, not when sent; the other replica’s arrives', () => {
    const sim = startedCluster(2, {}, { latencyMs: 50 });
    const write = sim.write('db1', 'k', 'v');
    sim.advance(10);
    sim.partition([['db1', 'db2'], ['db3']]);
    sim.advance(100);
    const [toDb2, toDb3] = carrying(sim, write.id);
    expect(toDb2).toMatchObject({ to: 'db2', arrivedAt: toDb2?.deliverAt });
    expect(toDb3).toMatchObject({ to: 'db3', droppedAt: toDb3?.deliverAt, dropReason: 'cut' });
    expect(toDb3?.droppedAt).toBeGreaterThan(sim.events().find((e) => e.type === 'partitioned')?.at ?? 0);
    expect(toDb3).not.toHaveProperty('arrivedAt');
  });

  it('arrives if the cut heals before it is due (the network decides when a message is due)', () => {
    const sim = startedCluster(2, {}, { latencyMs: 50 });
    const write = sim.write('db1', 'k', 'v');
    sim.advance(10);
    sim.partition([['db1', 'db2'], ['db3']]);
    sim.advance(10);
    sim.heal();
    sim.advance(100);
    expect(carrying(sim, write.id).map((m) => [m.to, m.arrivedAt === m.deliverAt, m.droppedAt])).toEqual([
      ['db2', true, undefined],
      ['db3', true, undefined],
    ]);
  });
});

describe('a message due at a node that is down', () => {
  it('is dropped at its arrival, as down; one its dead sender had already sent still arrives', () => {
    const sim = startedCluster(2, {}, { latencyMs: 50 });
    const write = sim.write('db1', 'k', 'v');
    sim.advance(10);
    sim.kill('db2');
    sim.advance(100);
    const [toDb2, toDb3] = carrying(sim, write.id);
    expect(toDb2).toMatchObject({ to: 'db2', droppedAt: toDb2?.deliverAt, dropReason: 'down' });
    expect(toDb3).toMatchObject({ to: 'db3', arrivedAt: toDb3?.deliverAt });
  });
});

describe('a write on the wire when its primary dies and the replica is promoted', () => {
  it('arrives after the promotion, and the new primary ignores it: the write is lost', () => {
    const sim = startedCluster(2, {}, { latencyMs: 50 });
    const write = sim.write('db1', 'k', 'v');
    sim.advance(10);
    sim.kill('db1');
    sim.promote('db2');
    const promotedAt = sim.now();
    const [toDb2] = carrying(sim, write.id);
    expect(toDb2 !== undefined && !ended(toDb2)).toBe(true);
    sim.advance(200);
    const [after] = carrying(sim, write.id);
    // Packets on the wire still arrive (db2 is up), too late: it left db1's timeline when promoted.
    expect(after).toMatchObject({ from: 'db1', to: 'db2', arrivedAt: after?.deliverAt });
    expect(after?.arrivedAt).toBeGreaterThan(promotedAt);
    expect(after).not.toHaveProperty('droppedAt');
    expect(sim.op(write.id)?.lost).toBe(true);
    expect(sim.node('db2').data.k).toBeUndefined();
  });
});

describe('two masters writing one key at once, 150 ms apart', () => {
  it('send two crossing entries messages, each carrying its own write', () => {
    const sim = masters(150);
    const one = sim.write('db1', 'k', 'one');
    const two = sim.write('db2', 'k', 'two');
    sim.runUntilIdle();
    const [a] = carrying(sim, one.id).filter((m) => m.to === 'db2');
    const [b] = carrying(sim, two.id).filter((m) => m.to === 'db1');
    expect(a).toMatchObject({ kind: 'entries', payload: 'peer-entries', from: 'db1', opIds: [one.id] });
    expect(b).toMatchObject({ kind: 'entries', payload: 'peer-entries', from: 'db2', opIds: [two.id] });
    // Crossing: each left before the other arrived.
    expect(a?.sentAt).toBeLessThan(b?.arrivedAt ?? 0);
    expect(b?.sentAt).toBeLessThan(a?.arrivedAt ?? 0);
    expect(
      sim
        .conflicts()[0]
        ?.versions.map((v) => v.opId)
        .sort(),
    ).toEqual([one.id, two.id].sort());
  });

  it('in a sync group, asks to certify the write (a certification request carrying it) and gets votes back (acks)', () => {
    const sim = masters(20, 'sync');
    const start = lastId(sim);
    const write = sim.write('db1', 'k', 'v');
    sim.runUntilIdle();
    const records = since(sim, start);
    expect(records.find((m) => m.payload === 'certify')).toMatchObject({
      kind: 'certify',
      from: 'db1',
      to: 'db2',
      opIds: [write.id],
    });
    expect(records.find((m) => m.payload === 'vote')).toMatchObject({ kind: 'ack', from: 'db2', to: 'db1' });
    for (const m of sim.messages())
      if (m.payload !== undefined) expect([m.payload, m.kind]).toEqual([m.payload, PAYLOAD_KINDS[m.payload]]);
  });
});

describe('retention', () => {
  /**
   * db3 on a 60 s link gets one write's batch and is removed; then db1 and db2 exchange more messages than
   * the bound, and the workload stops.
   */
  function pastTheBound(): { sim: Simulation; slow: MessageRecord } {
    const sim = startedCluster(2, {}, { latencyMs: 1 });
    sim.setLatency('db1', 'db3', 60_000);
    const write = sim.write('db1', 'slow', 'v');
    sim.advance(5);
    sim.removeNode('db3');
    sim.startWorkload({ writesPerSec: 1500, readsPerSec: 0, keys: 100 });
    while (sim.stats().messagesSent < MESSAGE_RECORDS_KEPT * 1.3) sim.advance(500);
    sim.stopWorkload();
    sim.advance(100);
    const slow = carrying(sim, write.id).find((m) => m.to === 'db3');
    if (slow === undefined) throw new Error('the slow batch was not kept');
    return { sim, slow };
  }

  it('keeps at most MESSAGE_RECORDS_KEPT, the newest, and every message still in flight', () => {
    const { sim, slow } = pastTheBound();
    const records = sim.messages();
    expect(records.length).toBeLessThanOrEqual(MESSAGE_RECORDS_KEPT);
    expect(records.length).toBeGreaterThanOrEqual(MESSAGE_RECORDS_KEPT * 0.95);
    expect(records.at(-1)?.id).toBe(sim.stats().messagesSent);
    expect(records.some((m) => m.id === 1)).toBe(false);
    // The slow batch, older than every other record kept, is still in flight: kept, first.
    expect(records[0]).toEqual(slow);
    expect(ended(slow)).toBe(false);
    const kept = new Set(records.map((m) => m.id));
    for (const m of sim.snapshot().messages) expect(kept.has(m.id)).toBe(true);
    // Without it, the records kept are the newest ones, one after the other.
    const rest = records.slice(1).map((m) => m.id);
    expect(rest).toEqual(rest.map((_, i) => (rest[0] ?? 0) + i));
  });

  it('drops a held message among the first once it ended (here, due at a removed node)', () => {
    const { sim, slow } = pastTheBound();
    sim.advanceTo(slow.deliverAt);
    expect(sim.messages()[0]).toMatchObject({
      id: slow.id,
      droppedAt: slow.deliverAt,
      dropReason: 'removed',
    });
    const sent = sim.stats().messagesSent;
    sim.startWorkload({ writesPerSec: 1500, readsPerSec: 0, keys: 100 });
    while (sim.stats().messagesSent < sent + MESSAGE_RECORDS_KEPT / 10) sim.advance(100);
    expect(sim.messages().some((m) => m.id === slow.id)).toBe(false);
    expect(sim.messages().length).toBeLessThanOrEqual(MESSAGE_RECORDS_KEPT);
  });

  it('survives a save and restore, with or without JSON, and goes on dropping the same ones', () => {
    const { sim } = pastTheBound();
    const saved = sim.save();
    const json = JSON.stringify(saved);
    const restored = restoreSimulation(saved);
    const fromJson = restoreSimulation(JSON.parse(json));
    expect(restored.messages()).toEqual(sim.messages());
    expect(fromJson.messages()).toEqual(sim.messages());
    for (const s of [sim, restored, fromJson]) {
      s.advance(61_000);
      s.startWorkload({ writesPerSec: 1500, readsPerSec: 0, keys: 100 });
      s.advance(3000);
    }
    expect(restored.messages()).toEqual(sim.messages());
    expect(fromJson.messages()).toEqual(sim.messages());
    // Ending the messages in flight changed the live records, not the save's.
    expect(JSON.stringify(saved)).toBe(json);
  }, 30_000); // 20,000 records saved and restored twice: seconds under load

  it('lets saves, and simulations restored from them, share the chunks whose messages have all ended', () => {
    const { sim } = pastTheBound();
    const chunks = (s: Simulation) =>
      (s.save().cluster as { network: { records: { chunks: unknown[] } } }).network.records.chunks;
    const first = chunks(sim);
    sim.advance(10);
    const second = chunks(sim);
    expect(first.length).toBeGreaterThan(10);
    expect(second[0]).toBe(first[0]);
    expect(second.at(-1)).not.toBe(first.at(-1));
    // A simulation restored from a save shares them too (a seek's restores hold them once).
    expect(chunks(restoreSimulation(sim.save()))[0]).toBe(first[0]);
  });
});

describe('a restored simulation', () => {
  it('past the bound, with many messages in flight, shows and saves the same records', () => {
    // db4 is far: its messages are still in flight while later ones to db2 and db3 have ended.
    const sim = startedCluster(3, {}, { latencyMs: 20, jitterMs: 5 });
    sim.setLatency('db1', 'db4', 1000);
    sim.startWorkload({ writesPerSec: 1500, readsPerSec: 0, keys: 100 });
    while (sim.stats().messagesSent < MESSAGE_RECORDS_KEPT * 1.5) sim.advance(500);
    expect(sim.snapshot().messages.length).toBeGreaterThan(500);
    const records = (s: Simulation) =>
      (s.save().cluster as { network: { records: unknown } }).network.records;
    const restored = restoreSimulation(JSON.parse(JSON.stringify(sim.save())));
    expect(restored.messages()).toEqual(sim.messages());
    expect(JSON.stringify(records(restored))).toBe(JSON.stringify(records(sim)));
    // A slot still in flight is saved empty, whatever a reused chunk held there before.
    const { chunks } = records(sim) as { chunks: Record<string, unknown[]>[] };
    let empty = 0;
    for (const chunk of chunks)
      chunk.fate?.forEach((fate, i) => {
        if (fate !== 0) return;
        empty++;
        expect([chunk.kind?.[i], chunk.from?.[i], chunk.sentAt?.[i], chunk.opCount?.[i]]).toEqual([
          null,
          null,
          0,
          0,
        ]);
      });
    expect(empty).toBeGreaterThan(100);
    sim.advance(700);
    restored.advance(700);
    expect(restored.messages()).toEqual(sim.messages());
  });

  it('shows the same records, those in flight end as they would have', () => {
    const sim = startedCluster(2, {}, { latencyMs: 40, jitterMs: 10 });
    sim.startWorkload({ writesPerSec: 50, readsPerSec: 0 });
    sim.advance(1000);
    sim.partition([['db1', 'db2'], ['db3']]);
    sim.advance(500);
    const restored = restoreSimulation(JSON.parse(JSON.stringify(sim.save())));
    expect(restored.messages()).toEqual(sim.messages());
    expect(sim.messages().some((m) => !ended(m))).toBe(true);
    sim.heal();
    restored.heal();
    sim.advance(1000);
    restored.advance(1000);
    expect(restored.messages()).toEqual(sim.messages());
    expect(sim.messages().some((m) => m.dropReason === 'cut')).toBe(true);
  });
});

describe('messages({ from, to })', () => {
  it('returns the records whose flight overlaps the window, those in flight until they are due', () => {
    const sim = startedCluster(2, {}, { latencyMs: 50 });
    sim.startWorkload({ writesPerSec: 20, readsPerSec: 0 });
    sim.advance(2000);
    const all = sim.messages();
    const overlaps = (m: MessageRecord, from: number, to: number) =>
      m.sentAt <= to && (m.arrivedAt ?? m.droppedAt ?? m.deliverAt) >= from;
    expect(sim.messages({ from: 1000, to: 1200 })).toEqual(all.filter((m) => overlaps(m, 1000, 1200)));
    expect(sim.messages({ from: sim.now() })).toEqual(all.filter((m) => overlaps(m, sim.now(), Infinity)));
    expect(sim.messages({ to: 500 })).toEqual(all.filter((m) => m.sentAt <= 500));
    expect(sim.messages({})).toEqual(all);
    expect(sim.messages({ from: 1000, to: 1200 }).length).toBeLessThan(all.length);
  });

  it('refuses a window that is not one', () => {
    const sim = startedCluster(1);
    for (const window of [{ from: 'now' }, { to: Number.NaN }, { since: 3 }, 7, null])
      expect(() => sim.messages(window as never)).toThrow(SimulationError);
  });

  it('hands out records in flight frozen, made once while they fly: a caller cannot change the run', () => {
    const sim = startedCluster(1, {}, { latencyMs: 50 });
    sim.write('db1', 'k', 'v');
    sim.advance(5);
    const flying = sim.messages().filter((m) => !ended(m));
    expect(flying.length).toBeGreaterThan(0);
    for (const m of flying) {
      expect(() => {
        (m as LiveRecord).arrivedAt = 0;
      }).toThrow(TypeError);
    }
    const stillFlying = sim.messages().filter((m) => !ended(m));
    expect(stillFlying).toEqual(flying);
    expect(stillFlying[0]).toBe(flying[0]);
    sim.advance(100);
    expect(sim.messages().filter((m) => m.id === flying[0]?.id)[0]?.arrivedAt).toBeDefined();
  });
});

describe('MessageLog', () => {
  const message = (id: number): Message => ({
    id,
    kind: 'ack',
    from: 'a',
    to: 'b',
    sentAt: id,
    deliverAt: id + 1,
    size: 1,
  });
  /** Message `id` ends, the newest sent being `sent` (by default, itself). */
  const end = (log: MessageLog, id: number, sent = id, reason?: 'cut') => {
    log.end(message(id), undefined, undefined, id + 1, reason, sent);
  };
  const ids = (log: MessageLog, flying: readonly number[] = []) =>
    log
      .all(
        -Infinity,
        Infinity,
        flying.map((id) => message(id)),
      )
      .map((r) => r.id);

  it('drops the oldest ended records first; a message in flight is not its to drop, and is held once ended', () => {
    const log = new MessageLog(4);
    for (let id = 2; id <= 6; id++) end(log, id);
    // Message 1 is still in flight (the network's, always kept): 4 records in all.
    expect(ids(log, [1])).toEqual([1, 4, 5, 6]);
    end(log, 1, 6, 'cut');
    expect(log.all(-Infinity, Infinity, [])[0]).toMatchObject({ id: 1, droppedAt: 2, dropReason: 'cut' });
    expect(ids(log)).toEqual([1, 4, 5, 6]);
    end(log, 7);
    expect(ids(log)).toEqual([5, 6, 7]);
    end(log, 8);
    expect(ids(log)).toEqual([5, 6, 7, 8]);
  });

  it('counts the messages sent since, in flight, towards the bound', () => {
    const log = new MessageLog(4);
    for (let id = 1; id <= 4; id++) end(log, id);
    end(log, 5, 8);
    expect(ids(log, [6, 7, 8])).toEqual([5, 6, 7, 8]);
  });

  it('drops a twentieth of the bound at a time', () => {
    const log = new MessageLog(100);
    for (let id = 1; id <= 101; id++) end(log, id);
    expect(ids(log)).toEqual(Array.from({ length: 96 }, (_, i) => i + 6));
  });

  it('reads back what it saved, held records and chunks, and goes on as before', () => {
    const log = new MessageLog(10);
    for (let id = 3; id <= 12; id++) end(log, id, 12);
    // 1 and 2 in flight, so 8 of the rest; then 1 ends, held.
    expect(ids(log, [1, 2])).toEqual([1, 2, 5, 6, 7, 8, 9, 10, 11, 12]);
    end(log, 1, 12);
    const copy = new MessageLog(10);
    loadMessageLog(copy, JSON.parse(JSON.stringify(saveMessageLog(log))) as SavedMessageLog, [2]);
    expect(ids(copy, [2])).toEqual(ids(log, [2]));
    expect(ids(log, [2])).toEqual([1, 2, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const l of [log, copy]) {
      end(l, 2, 13);
      end(l, 13);
    }
    expect(copy.all(-Infinity, Infinity, [])).toEqual(log.all(-Infinity, Infinity, []));
  });
});
