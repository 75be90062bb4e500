/** Every calibration scenario, in the order of issue 9. */
import type { Scenario } from '../lib/scenario.ts';
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
