/**
 * How a multi-primary group reacts to what happens around it: a member killed or restarted, the network
 * cut or healed, a member's commit. Registered with the cluster's hooks, so the simulation and single-primary
 * replication never name the group's modules; what they call of it (starting a group, certifying a write,
 * stamping a member's own write) is registered with the engine (persist/registry.ts). The lab's first frame
 * leaves the group out and loads it with `loadMultiPrimary()` before it starts a scenario with two primaries.
 */
import { onLifecycle, ORDER } from '../hooks.ts';
import { defineTask } from '../tasks.ts';
import { REPLICATION_TIMEOUT_MS } from '../timing.ts';
import { registerMultiPrimary } from '../persist/registry.ts';
import { resync, skipEvent } from './applier.ts';
import {
  certify,
  FAILURE_DETECTION_MS,
  onCertifierDown,
  onCertifierUp,
  publishCommitted,
  updateQuorum,
} from './certification.ts';
import { ownVersion } from './ownVersion.ts';
import { onHeal, onMemberDown, onMemberUp, onPartition, pumpPeers, startGroup } from './peers.ts';

const quorumAfterCut = defineTask('group.updateQuorum', (cluster) => {
  updateQuorum(cluster);
});

onLifecycle('killed', ORDER.group, (cluster, node) => {
  if (!cluster.group.has(node.id)) return;
  onMemberDown(cluster, node);
  onCertifierDown(cluster, node);
  // A crash is not a leave: the others find out when failure detection gives up on it, and a certifying
  // group's commits wait for it until then.
  quorumAfterCut(cluster, cluster.now() + FAILURE_DETECTION_MS);
  if (cluster.config.mode === 'sync' && cluster.peersOf(node).some((p) => p.isUp))
    cluster.emit({ type: 'commits-held', nodeId: node.id, afterMs: FAILURE_DETECTION_MS });
});

onLifecycle('restarted', ORDER.group, (cluster, node) => {
  if (!cluster.group.has(node.id)) return;
  // It comes back as a new member of the group (Galera gives a restarted node a new identity).
  node.certification.rejoining = true;
  onCertifierUp(cluster, node);
  onMemberUp(cluster, node);
  updateQuorum(cluster);
});

onLifecycle('partitioned', ORDER.group, (cluster) => {
  if (!cluster.isMultiPrimary()) return;
  onPartition(cluster);
  // Members across the cut are suspected, then leave the view; a minority leaves the Primary Component.
  quorumAfterCut(cluster, cluster.now() + REPLICATION_TIMEOUT_MS);
});

onLifecycle('healed', ORDER.group, (cluster, dropped) => {
  if (!cluster.isMultiPrimary()) return;
  onHeal(cluster, dropped);
  updateQuorum(cluster);
});

onLifecycle('committed', ORDER.group, (cluster, primary, ops) => {
  if (!cluster.group.has(primary.id)) return;
  publishCommitted(cluster, primary, ops);
  pumpPeers(cluster, primary);
});

registerMultiPrimary({ start: startGroup, certify, ownVersion, skipEvent, resync });
