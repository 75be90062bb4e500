/** (m1) A write on a read_only replica, by an account without SUPER, fails with error 1290 in MariaDB's words. */
import { replica, simulate } from '../../lib/engine.ts';
import { clientError, NO_ERROR, printedError } from '../../lib/mariadb/errors.ts';
import type { MariaLab } from '../../lib/mariadb/lab.ts';
import { APP_USER, withTopology } from '../../lib/mariadb/topology.ts';
import type { Scenario } from '../../lib/scenario.ts';

export const readOnly: Scenario<MariaLab> = {
  id: 'm1',
  title: 'write on a read_only replica is refused (error 1290)',
  reference: {
    errno: 1290,
    sqlstate: 'HY000',
    message: 'The MariaDB server is running with the --read-only option so it cannot execute this statement',
  },

  server: (lab) =>
    withTopology(lab, { name: 'm1-read-only', replicas: ['r1'] }, async ({ replica: on }) => {
      // root holds SUPER and would be let through: the ordinary account is the one read_only stops.
      const session = await on('r1').connect(APP_USER);
      try {
        await session.query('insert into cal.t values (1, 1)');
        return NO_ERROR;
      } catch (error) {
        return clientError(error);
      } finally {
        session.destroy();
      }
    }),

  engine() {
    const sim = simulate([replica('r1')], {}, 'mariadb');
    sim.runUntilIdle();
    const op = sim.write('r1', 'k1', '1');
    sim.runUntilIdle();
    const record = sim.op(op.id);
    return record?.status === 'failed' ? printedError(record.error ?? '') : NO_ERROR;
  },
};
