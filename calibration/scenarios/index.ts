/** Every PostgreSQL calibration scenario, in the order of issue 9, and their suite. */
import { cleanUpLab, createLab, unavailableReason } from '../lib/lab.ts';
import type { Scenario } from '../lib/scenario.ts';
import { defineSuite } from '../lib/suite.ts';
import { cascade } from './cascade.ts';
import { divergedPrimary } from './divergedPrimary.ts';
import { firstSync } from './firstSync.ts';
import { forcedLoss } from './forcedLoss.ts';
import { latency } from './latency.ts';
import { positions } from './positions.ts';
import { quorum } from './quorum.ts';
import { readOnly } from './readOnly.ts';
import { switchover } from './switchover.ts';
import { timeline } from './timeline.ts';

export const scenarios: readonly Scenario[] = [
  readOnly,
  positions,
  timeline,
  forcedLoss,
  firstSync,
  quorum,
  cascade,
  divergedPrimary,
  switchover,
  latency,
];

export const postgresqlSuite = defineSuite({
  id: 'postgresql',
  name: 'PostgreSQL',
  scenarios,
  createLab,
  versionOf: (lab) => lab.version,
  rootOf: (lab) => lab.root,
  unavailableReason,
  cleanUp: cleanUpLab,
});
