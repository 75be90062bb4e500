/** A node's parts: what a crash loses and what it keeps. */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster.ts';
import { parseScenario } from '../scenario/parse.ts';
import { presets } from '../scenario/allPresets.ts';
import '../subsystems.ts';

function node() {
  const cluster = new Cluster(parseScenario(presets['master-slave']));
  const n = cluster.createNode('x1', 'replica', { upstream: 'db1' });
  n.sender.links.set('r', {
    replicaId: 'r',
    connId: 3,
    sentLsn: 9,
    writtenLsn: 8,
    receivedLsn: 8,
    appliedLsn: 7,
    streaming: true,
  });
  n.sender.pumpScheduled = true;
  n.sender.busyUntil = 40;
  n.receiver.connId = 3;
  n.receiver.applying = true;
  n.receiver.flushScheduled = true;
  n.logical.originSeq = 5;
  n.logical.peerProgress.set('p', 4);
  n.logical.subscriptions.set('p', { connId: 1, since: 0, streaming: true });
  n.logical.peerLinks.set('p', { connId: 2, sentSeq: 5 });
  n.certification.abortedCerts.push(11);
  n.certification.certified.set('k', []);
  return n;
}

describe('a node crash', () => {
  it('drops connections and work in progress in every part, and starts a new generation', () => {
    const n = node();
    const generation = n.generation;
    n.crash(1234);
    expect(n.generation).toBe(generation + 1);
    expect(n.downSince).toBe(1234);
    expect(n.sender.links.size).toBe(0);
    expect(n.sender.pumpScheduled).toBe(false);
    expect(n.receiver.connId).toBeUndefined();
    expect(n.receiver.applying).toBe(false);
    expect(n.receiver.flushScheduled).toBe(false);
    expect(n.logical.subscriptions.size).toBe(0);
    expect(n.logical.peerLinks.size).toBe(0);
    expect(n.certification.certified.size).toBe(0);
  });

  it('keeps what is durable: the origin counter and progress, remembered aborts', () => {
    const n = node();
    n.crash(0);
    expect(n.logical.originSeq).toBe(5);
    expect(n.logical.peerProgress.get('p')).toBe(4);
    expect(n.certification.abortedCerts).toEqual([11]);
  });
});
