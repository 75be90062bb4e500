/**
 * Older saves, read forward. Version 1 kept a node's fields flat; version 2 keeps each subsystem's part
 * in a section of its own (`sender`, `receiver`, `logical`, `certification`), with the same values.
 */
import { SAVE_VERSION } from './format.ts';

const V1_PARTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  sender: {
    links: 'links',
    busyUntil: 'senderBusyUntil',
    pumpScheduled: 'pumpScheduled',
    roundRobin: 'roundRobin',
  },
  receiver: {
    connId: 'connId',
    connectingSince: 'connectingSince',
    applying: 'applying',
    flushScheduled: 'flushScheduled',
    nextAckAt: 'nextAckAt',
    ackScheduled: 'ackScheduled',
    reportedAppliedLsn: 'reportedAppliedLsn',
    nextAppliedReportAt: 'nextAppliedReportAt',
    appliedReportScheduled: 'appliedReportScheduled',
  },
  logical: {
    originSeq: 'originSeq',
    outbox: 'outbox',
    peerProgress: 'peerProgress',
    peerConfirmed: 'peerConfirmed',
    subscriptions: 'subscriptions',
    peerLinks: 'peerLinks',
  },
  certification: { certified: 'certified', abortedCerts: 'abortedCerts', quorum: 'quorum' },
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const MOVED = new Set(Object.values(V1_PARTS).flatMap((fields) => Object.values(fields)));

function nodeFromV1(node: unknown): unknown {
  if (!isRecord(node)) return node; // The reader names what is wrong with it.
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(node)) if (!MOVED.has(name)) out[name] = value;
  for (const [part, fields] of Object.entries(V1_PARTS)) {
    const section: Record<string, unknown> = {};
    for (const [name, v1Name] of Object.entries(fields)) section[name] = node[v1Name];
    out[part] = section;
  }
  return out;
}

/** A version 1 save as version 2 would hold it (anything malformed is left for the reader to name). */
export function upgradeFromV1(saved: unknown): unknown {
  if (!isRecord(saved)) return saved;
  const nodes = saved.nodes;
  return { ...saved, version: SAVE_VERSION, nodes: Array.isArray(nodes) ? nodes.map(nodeFromV1) : nodes };
}
