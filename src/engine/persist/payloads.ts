/** What messages in flight carry, in saved state: entries by reference to the pool, the rest as plain data. */
import type { Payload } from '../cluster.ts';
import type { TimelineBranch } from '../node/dbNode.ts';
import type { EntryPool, EntryTable } from './entries.ts';
import { readCertification } from './node.ts';
import type { Reader } from './reader.ts';

export function savePayload(payload: Payload, pool: EntryPool): unknown {
  switch (payload.kind) {
    case 'entries':
      return {
        ...payload,
        entries: pool.refs(payload.entries),
        history: payload.history.map((h) => ({ ...h })),
      };
    case 'peer-entries':
      return { ...payload, entries: pool.refs(payload.entries) };
    case 'snapshot':
      return {
        ...payload,
        data: [...payload.data].map(([key, version]) => [key, pool.ref(version as never)]),
        history: payload.history.map((h) => ({ ...h })),
      };
    case 'vote':
      return { ...payload, ...(payload.first === undefined ? {} : { first: { ...payload.first } }) };
    default:
      return { ...payload };
  }
}

const branches = (r: Reader): TimelineBranch[] =>
  r.list('history', (b) => ({ timeline: b.num('timeline'), branchLsn: b.num('branchLsn') }));

export function readPayload(r: Reader, table: EntryTable): Payload {
  const kind = r.str('kind');
  switch (kind) {
    case 'hello':
      return {
        kind,
        connId: r.num('connId'),
        timeline: r.num('timeline'),
        receivedLsn: r.num('receivedLsn'),
      };
    case 'entries':
      return {
        kind,
        connId: r.num('connId'),
        timeline: r.num('timeline'),
        history: branches(r),
        entries: table.list(r, 'entries'),
        senderLastLsn: r.num('senderLastLsn'),
      };
    case 'snapshot': {
      const reason = r.str('reason');
      if (reason !== 'retention' && reason !== 'rewind' && reason !== 'new-node')
        return r.at('reason').fail('expected retention, rewind or new-node');
      const data = r.list('data', (pair) => {
        const [key, version] = pair.items((part) => part);
        if (key === undefined || version === undefined) return pair.fail('expected [key, entry]');
        return [key.asStr(), table.get(version)] as const;
      });
      return {
        kind,
        connId: r.num('connId'),
        reason,
        branchLsn: r.num('branchLsn'),
        data: new Map(data),
        lsn: r.num('lsn'),
        timeline: r.num('timeline'),
        history: branches(r),
        senderLastLsn: r.num('senderLastLsn'),
      };
    }
    case 'ack':
      return {
        kind,
        connId: r.num('connId'),
        timeline: r.num('timeline'),
        writtenLsn: r.num('writtenLsn'),
        receivedLsn: r.num('receivedLsn'),
        appliedLsn: r.num('appliedLsn'),
      };
    case 'heartbeat': {
      const phase = r.str('phase');
      if (phase === 'ping')
        return {
          kind,
          phase,
          sentAt: r.num('sentAt'),
          timeline: r.num('timeline'),
          lastLsn: r.num('lastLsn'),
        };
      if (phase !== 'reply') return r.at('phase').fail('expected ping or reply');
      const leader = r.optStr('leader');
      return {
        kind,
        phase,
        sentAt: r.num('sentAt'),
        grant: r.bool('grant'),
        leader,
        leaderTimeline: r.num('leaderTimeline'),
      };
    }
    case 'peer-hello':
      return { kind, connId: r.num('connId'), fromSeq: r.num('fromSeq') };
    case 'peer-entries':
      return { kind, connId: r.num('connId'), entries: table.list(r, 'entries') };
    case 'peer-ack':
      return { kind, connId: r.num('connId'), seq: r.num('seq') };
    case 'certify':
      return {
        kind,
        certId: r.num('certId'),
        key: r.str('key'),
        value: r.str('value'),
        order: r.num('order'),
        baseVv: r.counters('baseVv'),
      };
    case 'vote':
      return {
        kind,
        certId: r.num('certId'),
        ok: r.bool('ok'),
        ...(r.raw('first') === undefined ? {} : { first: readCertification(r.at('first')) }),
      };
    case 'decided': {
      const originSeq = r.optNum('originSeq');
      return {
        kind,
        certId: r.num('certId'),
        committed: r.bool('committed'),
        ...(originSeq === undefined ? {} : { originSeq }),
      };
    }
    default:
      return r.at('kind').fail(`unknown payload kind "${kind}"`);
  }
}
