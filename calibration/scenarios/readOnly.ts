/** (a) A write on a standby fails read-only, with SQLSTATE 25006 and PostgreSQL's wording. */
import { replica, simulate } from '../lib/engine.ts';
import { withCluster, type Facts, type Scenario } from '../lib/scenario.ts';

/** The SQLSTATE and the message of an error text, in the same shape for both sides. */
function readOnlyFacts(error: string): Facts {
  return {
    sqlstate: /\b(25006)\b/.exec(error)?.[1] ?? 'none',
    message: /cannot execute \w+ in a read-only transaction/.exec(error)?.[0] ?? error.trim(),
  };
}

export const readOnly: Scenario = {
  id: 'a',
  title: 'write on a standby fails read-only',
  reference: { sqlstate: '25006', message: 'cannot execute INSERT in a read-only transaction' },

  server: (lab) =>
    withCluster(lab, { name: 'a-read-only', standbys: ['s1'] }, async (pg) => {
      const result = await pg.psql('s1', 'insert into t values (1)');
      return readOnlyFacts(result.code === 0 ? 'the insert succeeded' : result.stderr);
    }),

  engine() {
    const sim = simulate([replica('s1')]);
    sim.runUntilIdle();
    const op = sim.write('s1', 'k1', '1');
    sim.runUntilIdle();
    const record = sim.op(op.id);
    return readOnlyFacts(record?.status === 'failed' ? (record.error ?? '') : 'the write succeeded');
  },
};
