/** Every MariaDB calibration scenario (issue 20), in the order of the issue, and their suite. */
import {
  cleanUpMariaLab,
  createMariaLab,
  mariaUnavailableReason,
  type MariaLab,
} from '../../lib/mariadb/lab.ts';
import type { Scenario } from '../../lib/scenario.ts';
import { defineSuite } from '../../lib/suite.ts';
import { forcedLoss } from './forcedLoss.ts';
import { galeraCertification } from './galeraCertification.ts';
import { galeraLatency } from './galeraLatency.ts';
import { galeraQuorum } from './galeraQuorum.ts';
import { galeraStall } from './galeraStall.ts';
import { readOnly } from './readOnly.ts';
import { semiSyncFallback } from './semiSyncFallback.ts';
import { semiSyncStale } from './semiSyncStale.ts';
import { sourceSource } from './sourceSource.ts';

export const mariadbScenarios: readonly Scenario<MariaLab>[] = [
  readOnly,
  forcedLoss,
  semiSyncFallback,
  semiSyncStale,
  galeraCertification,
  galeraLatency,
  galeraQuorum,
  galeraStall,
  sourceSource,
];

export const mariadbSuite = defineSuite({
  id: 'mariadb',
  name: 'MariaDB',
  scenarios: mariadbScenarios,
  createLab: createMariaLab,
  versionOf: (lab) => lab.version,
  rootOf: (lab) => lab.root,
  unavailableReason: mariaUnavailableReason,
  cleanUp: cleanUpMariaLab,
});
