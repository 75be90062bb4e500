/**
 * Older saves, read forward. Version 1 kept a node's fields flat; version 2 keeps each subsystem's part
 * in a section of its own (`sender`, `receiver`, `logical`, `certification`), with the same values;
 * version 3 keeps a node's log as runs of entry indices (`log.runs`) where version 2 listed each index;
 * version 4 adds the network's message records (`cluster.network.records`), which older saves lack.
 */

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
  return { ...saved, version: 2, nodes: Array.isArray(nodes) ? nodes.map(nodeFromV1) : nodes };
}

/** Indices as runs of consecutive ones, `[first, count, ...]` (what `EntryPool.runs` writes). */
function runsOf(indices: readonly unknown[]): unknown[] {
  const runs: unknown[] = [];
  for (const i of indices) {
    const count = runs.at(-1);
    const first = runs.at(-2);
    if (
      typeof i === 'number' &&
      typeof first === 'number' &&
      typeof count === 'number' &&
      i === first + count
    )
      runs[runs.length - 1] = count + 1;
    else runs.push(i, 1);
  }
  return runs;
}

function nodeFromV2(node: unknown): unknown {
  if (!isRecord(node) || !isRecord(node.log) || !Array.isArray(node.log.entries)) return node;
  const { entries, ...log } = node.log;
  return { ...node, log: { ...log, runs: runsOf(entries as unknown[]) } };
}

/** A version 2 save as version 3 holds it (anything malformed is left for the reader to name). */
export function upgradeFromV2(saved: unknown): unknown {
  if (!isRecord(saved)) return saved;
  const nodes = saved.nodes;
  return { ...saved, version: 3, nodes: Array.isArray(nodes) ? nodes.map(nodeFromV2) : nodes };
}

/**
 * A version 3 save as version 4 holds it: its network kept no message records, said with `records: null`
 * (the messages in flight get theirs at the restore; none before them are known).
 */
export function upgradeFromV3(saved: unknown): unknown {
  if (!isRecord(saved)) return saved;
  const cluster = saved.cluster;
  if (!isRecord(cluster) || !isRecord(cluster.network)) return { ...saved, version: 4 };
  return { ...saved, version: 4, cluster: { ...cluster, network: { ...cluster.network, records: null } } };
}
