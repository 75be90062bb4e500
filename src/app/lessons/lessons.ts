/**
 * The guided lessons, one per point of the subject, in order. Pure data: `lessons.test.ts` validates
 * it with zod and plays every lesson against the engine, so each claim a step makes stays true.
 *
 * A step whose first action a learner can do (a write, a kill, a promotion, Isolate, Heal...) asks the
 * learner to do it in the lab (steps.ts lists how); its text says what to do, not "Next does". Steps that
 * let time pass or start a scenario are Next's; predictions sit where the subject surprises.
 */
import type { Lesson, LessonScenario } from './types.ts';

/** Slow enough to watch a write travel: 150 ms (±30) one way. */
const WATCHABLE = { latencyMs: 150, jitterMs: 30 } as const;

const masterMaster = (overrides: LessonScenario['overrides'] = {}): LessonScenario => ({
  preset: 'master-master',
  overrides: { network: WATCHABLE, ...overrides },
});

const failover = (fencing: boolean): LessonScenario => ({
  preset: 'auto-failover',
  overrides: { network: WATCHABLE, failover: { fencing } },
});

export const LESSONS: readonly Lesson[] = [
  {
    id: 'basics',
    title: '{Primary} and {replicas}: reads without load on the {primary}',
    summary: 'Who accepts writes, who serves reads, and where the load goes.',
    scenario: { preset: 'master-slave', overrides: { network: WATCHABLE } },
    steps: [
      {
        text: 'db1 is the {primary}: it accepts every write. db2 and db3 are {replicas}: they copy db1’s log and serve reads only. Write balance = 100 on db1 and watch it reach both {replicas}.',
        target: { node: 'db1' },
        actions: [
          { do: 'write', node: 'db1', key: 'balance', value: '100' },
          { do: 'advance', ms: 1000 },
        ],
        condition: {
          all: [
            { node: 'db2', has: { key: 'balance', value: '100' } },
            { node: 'db3', has: { key: 'balance', value: '100' } },
          ],
        },
      },
      {
        text: 'Both {replicas} have balance = 100: each replayed db1’s log about one network trip (~150 ms) after db1 committed. Now try the same kind of write on db2.',
        target: { node: 'db2' },
        actions: [{ do: 'write', node: 'db2', key: 'balance', value: '200' }],
        condition: { metric: 'failedWrites', atLeast: 1 },
      },
      {
        text: 'Refused: a {replica} is read-only (“cannot execute INSERT in a read-only transaction”). Reads are welcome there. Next starts clients sending 2 writes/s to db1 and 20 reads/s to the {replicas}, and lets 5 s pass.',
        target: { node: 'db3' },
        actions: [
          { do: 'startWorkload', writesPerSec: 2, readsPerSec: 20, keys: 10, readRouting: 'replicas' },
          { do: 'advance', ms: 5000 },
        ],
        condition: {
          all: [
            { node: 'db2', load: { atLeast: 6 } },
            { node: 'db3', load: { atLeast: 6 } },
            { node: 'db1', load: { atMost: 4 } },
          ],
        },
      },
      {
        text: 'Over those 5 s db1 served only the writes (at most 4 operations per second) while db2 and db3 each served 6 or more reads per second (see Reads in the metrics). Every {replica} you add takes reads off the {primary} instead of adding to its load.',
        target: { node: 'db1' },
      },
    ],
  },
  {
    id: 'lag',
    title: 'Replication lag: more {replicas}, more replication work',
    summary: 'Why a {replica} is behind, and why adding {replicas} makes it worse.',
    scenario: {
      preset: 'master-slave',
      overrides: { network: WATCHABLE, replication: { shipRate: 60 } },
    },
    steps: [
      {
        text: 'In this scenario db1 can send 60 log entries per second in all, shared by its {replicas}. Next starts 25 writes/s on db1 and lets 5 s pass.',
        target: { node: 'db1' },
        actions: [
          { do: 'startWorkload', writesPerSec: 25, readsPerSec: 0, keys: 10 },
          { do: 'advance', ms: 5000 },
        ],
        condition: {
          all: [
            { metric: 'writes', atLeast: 80 },
            { node: 'db2', lagMs: { atMost: 600 } },
            { node: 'db3', lagMs: { atMost: 600 } },
          ],
        },
      },
      {
        text: 'Replication lag is how far a {replica} trails the {primary}. Here it stays small (a network trip and a batch): 2 × 25 entries/s fit in db1’s 60. Add a third {replica}, db4, streaming from db1.',
        target: { node: 'db2' },
        actions: [
          { do: 'addReplica', node: 'db1' },
          { do: 'advance', ms: 5000 },
        ],
        condition: {
          all: [
            { node: 'db4', status: 'up' },
            { node: 'db2', lagMs: { atLeast: 1000 } },
          ],
        },
      },
      {
        text: 'Now db1 has 3 × 25 = 75 entries/s to send and can send 60: every {replica} falls further behind each second, and reads there return older data. Each {replica} is more replication work for its upstream. Next stops the writes and lets 10 s pass.',
        target: { node: 'db2' },
        actions: [{ do: 'stopWorkload' }, { do: 'advance', ms: 10_000 }],
        condition: {
          all: [
            { node: 'db2', lagEntries: { atMost: 0 } },
            { node: 'db3', lagEntries: { atMost: 0 } },
            { node: 'db4', lagEntries: { atMost: 0 } },
          ],
        },
      },
      {
        text: 'With no new writes the {replicas} caught up: lag is back to 0. Lag comes from the work of replicating, so it grows with the write rate and with the number of {replicas} one node feeds. Cascading (the next lesson) spreads that work.',
      },
    ],
  },
  {
    id: 'cascading',
    title: 'Cascading {replicas}',
    summary: '{Replicas} that feed further {replicas} in a tree.',
    scenario: { preset: 'cascading', overrides: { network: WATCHABLE } },
    steps: [
      {
        text: 'db1 sends its log only to db2 and db3. db2 relays it to db4 and db5, and db4 relays it to db6: cascading {replicas} in a tree. Write color = blue on db1.',
        target: { node: 'db2' },
        actions: [
          { do: 'write', node: 'db1', key: 'color', value: 'blue' },
          { do: 'advance', ms: 400 },
        ],
        condition: {
          all: [
            { node: 'db2', has: { key: 'color', value: 'blue' } },
            { node: 'db6', lacks: 'color' },
          ],
        },
      },
      {
        text: 'db2 and db3 have it; it is still travelling down the tree. The lab will read color on db6 now.',
        target: { node: 'db6' },
        predict: {
          question: 'What will a read of color on db6 return?',
          choices: [
            { text: 'blue: the {primary} acknowledged it' },
            { text: 'Nothing yet: a stale read', right: true },
            { text: 'An error: db6 waits for the write' },
          ],
          explain:
            'db6 answers at once with what it has, and the write is still two hops away: a {replica} serves reads as stale as its lag.',
        },
        actions: [{ do: 'read', node: 'db6', key: 'color' }],
        condition: { metric: 'staleReads', atLeast: 1 },
      },
      {
        text: 'db6 answered with no color at all, though the {primary} had acknowledged blue (see Stale reads). Next lets 1 s pass.',
        target: { node: 'db6' },
        actions: [{ do: 'advance', ms: 1000 }],
        condition: { node: 'db6', has: { key: 'color', value: 'blue' } },
      },
      {
        text: 'Every hop adds a trip of lag: db6, three hops down, got it last. But db1 ships to only two {replicas}, however many hang below them. Kill db2, the relay.',
        target: { node: 'db2' },
        actions: [{ do: 'kill', node: 'db2' }],
        condition: { node: 'db2', status: 'down' },
      },
      {
        text: 'db2 is down. Write color = green on db1.',
        target: { node: 'db1' },
        actions: [
          { do: 'write', node: 'db1', key: 'color', value: 'green' },
          { do: 'advance', ms: 1000 },
        ],
        condition: {
          all: [
            { node: 'db3', has: { key: 'color', value: 'green' } },
            { node: 'db4', has: { key: 'color', value: 'blue' } },
          ],
        },
      },
      {
        text: 'db3 has green, but db4, db5 and db6 are stuck on blue: a cascade depends on its relay. Re-point db4 to db1.',
        target: { node: 'db4' },
        actions: [
          { do: 'repoint', node: 'db4', upstream: 'db1' },
          { do: 'advance', ms: 1000 },
        ],
        condition: {
          all: [
            { node: 'db4', has: { key: 'color', value: 'green' } },
            { node: 'db6', has: { key: 'color', value: 'green' } },
          ],
        },
      },
      {
        text: 'db4 now streams from db1 and passes green on to db6; db5 waits for db2 to come back. A tree spreads the replication work, at the price of more lag per hop and relays that matter.',
        target: { node: 'db5' },
      },
    ],
  },
  {
    id: 'master-down',
    title: 'The {primary} goes down: read-only until a promotion',
    summary: 'No {primary}, no writes: until a {replica} is promoted.',
    scenario: { preset: 'master-slave', overrides: { network: WATCHABLE } },
    steps: [
      {
        text: 'A healthy {primary} (db1) and two {replicas}. Write balance = 100 on db1, then kill db1.',
        target: { node: 'db1' },
        actions: [
          { do: 'write', node: 'db1', key: 'balance', value: '100' },
          { do: 'advance', ms: 1000 },
          { do: 'kill', node: 'db1' },
        ],
        condition: {
          all: [
            { node: 'db1', status: 'down' },
            { flag: 'readOnly', is: true },
          ],
        },
      },
      {
        text: 'db1 is down and no other {primary} is up. The lab will write balance = 150 on db2.',
        target: { node: 'db2' },
        predict: {
          question: 'Will the write of balance = 150 on db2 succeed?',
          choices: [
            { text: 'Yes: db2 has all of db1’s data' },
            { text: 'No: the system is read-only', right: true },
            { text: 'It waits until db1 is back, then succeeds' },
          ],
          explain:
            'Only a {primary} accepts writes; db2 is still a {replica} and refuses them at once until it is promoted.',
        },
        actions: [{ do: 'write', node: 'db2', key: 'balance', value: '150' }],
        condition: { metric: 'failedWrites', atLeast: 1 },
      },
      {
        text: 'The write failed: a {replica} cannot accept it. Reads still work, though: read balance on db3.',
        target: { node: 'db3' },
        actions: [{ do: 'read', node: 'db3', key: 'balance' }],
        condition: { metric: 'reads', atLeast: 1 },
      },
      {
        text: 'db3 answered 100. To write again, promote a {replica} to {primary} (or provision a new {primary} from a backup). Promote db2.',
        target: { node: 'db2' },
        actions: [{ do: 'promote', node: 'db2' }],
        condition: {
          all: [
            { node: 'db2', role: 'primary' },
            { flag: 'readOnly', is: false },
          ],
        },
      },
      {
        text: 'db2 is the {primary} now, on a new timeline, and db3 follows it. Write balance = 150 on db2.',
        target: { node: 'db2' },
        actions: [
          { do: 'write', node: 'db2', key: 'balance', value: '150' },
          { do: 'advance', ms: 1000 },
        ],
        condition: { node: 'db3', has: { key: 'balance', value: '150' } },
      },
      {
        text: 'Writes work again and reach db3. The system was read-only from the moment db1 died until the promotion: with manual failover, that is as long as it takes someone to notice and act.',
        target: { node: 'db3' },
      },
    ],
  },
  {
    id: 'async-sync',
    title: 'Failover: async loses writes, sync pays in latency',
    summary: 'Acknowledged writes lost in an async failover; none lost with sync.',
    scenario: { preset: 'master-slave', overrides: { network: WATCHABLE } },
    steps: [
      {
        text: 'Replication is asynchronous: db1 acknowledges a write as soon as it is on db1’s own disk. Write order = 1 on db1.',
        target: { node: 'db1' },
        actions: [
          { do: 'write', node: 'db1', key: 'order', value: '1' },
          { do: 'advance', ms: 20 },
        ],
        condition: {
          all: [
            { node: 'db1', has: { key: 'order', value: '1' } },
            { node: 'db2', lacks: 'order' },
          ],
        },
      },
      {
        text: 'The client already has its acknowledgement, but the entry is still on the wire to db2 and db3. The lab will kill db1 right now and promote db2.',
        target: { node: 'db2' },
        predict: {
          question: 'Will order = 1 survive the failover?',
          choices: [
            { text: 'Yes: the client was told it was committed' },
            { text: 'No: it is lost, though it was acknowledged', right: true },
            { text: 'Yes: db2 gets it from db1 later' },
          ],
          explain:
            'Asynchronous replication acknowledges before any {replica} has the write, so db2 is promoted without it and db1’s copy is discarded.',
        },
        actions: [
          { do: 'kill', node: 'db1' },
          { do: 'promote', node: 'db2' },
        ],
        condition: { metric: 'lostWrites', atLeast: 1 },
      },
      {
        text: 'order = 1 was acknowledged and is gone: db2 never had it (see Lost writes). Next switches to synchronous replication, which starts over, and lets 1 s pass.',
        // Starting over is part of it: the Settings panel would change the run as it is (db1 dead).
        doneBy: 'next',
        actions: [
          { do: 'configure', settings: { replication: { mode: 'sync' } } },
          { do: 'advance', ms: 1000 },
        ],
        condition: { all: [{ mode: 'sync' }, { node: 'db2', state: 'replica.streaming' }] },
      },
      {
        text: 'Now db1 acknowledges a write only once its synchronous {replicas} confirm it. Write order = 1 on db1.',
        target: { node: 'db1' },
        actions: [
          { do: 'write', node: 'db1', key: 'order', value: '1' },
          { do: 'advance', ms: 20 },
        ],
        condition: { metric: 'blockedWrites', atLeast: 1 },
      },
      {
        text: 'The write is committed on db1 but not acknowledged yet (see Blocked writes). The lab will let 500 ms pass.',
        target: { node: 'db1' },
        predict: {
          question: 'How long will the client wait for its acknowledgement?',
          choices: [
            { text: 'About 1 ms, as in async mode' },
            { text: 'About 300 ms', right: true },
            { text: 'Until someone kills db1' },
          ],
          explain:
            'db1 acknowledges only once its synchronous {replicas} confirm, so each write waits a round trip to them: 2 × 150 ms here.',
        },
        actions: [{ do: 'advance', ms: 500 }],
        condition: {
          all: [
            { metric: 'blockedWrites', atMost: 0 },
            { metric: 'writeLatencyP50', atLeast: 250, atMost: 450 },
          ],
        },
      },
      {
        text: 'Acknowledged after about 300 ms instead of about 1 ms: that is the price (see write latency). Kill db1 and promote db2 again.',
        target: { node: 'db2' },
        actions: [
          { do: 'kill', node: 'db1' },
          { do: 'promote', node: 'db2' },
        ],
        condition: {
          all: [
            { node: 'db2', role: 'primary' },
            { node: 'db2', has: { key: 'order', value: '1' } },
            { metric: 'lostWrites', atMost: 0 },
          ],
        },
      },
      {
        text: 'Nothing acknowledged was lost: db2 had order = 1 before db1 acknowledged it. Synchronous replication trades write latency (and blocked writes while a sync {replica} is down) for no data loss.',
      },
    ],
  },
  {
    id: 'scheduled',
    title: 'Scheduled replication',
    summary: 'Shipping the log in batches, and what a crash between batches costs.',
    scenario: { preset: 'scheduled', overrides: { network: WATCHABLE } },
    steps: [
      {
        text: 'db1 ships its log to the {replicas} in batches every 2 s, like log shipping on a timer. Write a = 1 on db1.',
        target: { node: 'db1' },
        actions: [
          { do: 'write', node: 'db1', key: 'a', value: '1' },
          { do: 'advance', ms: 800 },
        ],
        condition: {
          all: [
            { node: 'db1', has: { key: 'a', value: '1' } },
            { node: 'db2', lacks: 'a' },
          ],
        },
      },
      {
        text: 'db1 acknowledged it at once, yet the {replicas} still do not have it: it waits for the next shipment. Next lets 1.5 s pass.',
        target: { node: 'db2' },
        actions: [{ do: 'advance', ms: 1500 }],
        condition: {
          all: [
            { node: 'db2', has: { key: 'a', value: '1' } },
            { node: 'db3', has: { key: 'a', value: '1' } },
          ],
        },
      },
      {
        text: 'The batch left at the 2 s mark. Between shipments new writes exist only on db1. Write b = 2 on db1, then kill db1 before the next shipment and promote db2.',
        target: { node: 'db1' },
        actions: [
          { do: 'write', node: 'db1', key: 'b', value: '2' },
          { do: 'advance', ms: 200 },
          { do: 'kill', node: 'db1' },
          { do: 'promote', node: 'db2' },
        ],
        condition: {
          all: [
            { metric: 'lostWrites', atLeast: 1 },
            { node: 'db2', lacks: 'b' },
          ],
        },
      },
      {
        text: 'b = 2 was acknowledged and lost. With scheduled replication a crash can lose up to a whole interval of writes, and {replicas} are up to an interval behind: cheap on the network, costly in freshness.',
        target: { node: 'db2' },
      },
    ],
  },
  {
    id: 'offline-backup',
    title: 'A {replica} offline and back, and a backup from a {replica}',
    summary: 'Catching up after downtime; backing up without touching the {primary}.',
    scenario: { preset: 'master-slave', overrides: { network: WATCHABLE } },
    steps: [
      {
        text: 'Take db3 offline (for maintenance, say): kill it. The lab then starts 5 writes/s on db1 and lets 3 s pass.',
        target: { node: 'db3' },
        actions: [
          { do: 'kill', node: 'db3' },
          { do: 'startWorkload', writesPerSec: 5, readsPerSec: 0, keys: 10 },
          { do: 'advance', ms: 3000 },
        ],
        condition: {
          all: [
            { node: 'db3', status: 'down' },
            { metric: 'writes', atLeast: 8 },
          ],
        },
      },
      {
        text: 'db3 missed every one of those writes; db1 keeps them in its log for catch-up. Restart db3; the lab then stops the writes.',
        target: { node: 'db3' },
        actions: [{ do: 'restart', node: 'db3' }, { do: 'stopWorkload' }, { do: 'advance', ms: 2000 }],
        condition: { node: 'db3', status: 'up', state: 'replica.streaming', lagEntries: { atMost: 0 } },
      },
      {
        text: 'db3 caught up from db1’s log and is streaming again, as if it had never left. Take a backup of db2: the {primary} does none of that work.',
        target: { node: 'db2' },
        actions: [{ do: 'takeBackup', node: 'db2' }],
        condition: { backups: { atLeast: 1 } },
      },
      {
        text: 'The backup is a copy of db2 at the position it had applied (see Backups). Provision a new {replica} from it.',
        actions: [{ do: 'restoreBackup' }, { do: 'advance', ms: 2000 }],
        condition: { node: 'db4', state: 'replica.streaming', lagEntries: { atMost: 0 } },
      },
      {
        text: 'db4 started from the backup and streamed only what came after it. Backups and new {replicas} can come from a {replica}, sparing the {primary}.',
        target: { node: 'db4' },
      },
    ],
  },
  {
    id: 'master-master',
    title: '{Primary}-{primary}: write anywhere, survive either failure',
    summary: 'Two {primaries} replicating to each other.',
    scenario: masterMaster(),
    steps: [
      {
        text: 'db1 and db2 are both {primaries}: each accepts writes and replicates them to the other, and to its own {replica}. Write x = 1 on db1 and y = 2 on db2.',
        target: { node: 'db2' },
        actions: [
          { do: 'write', node: 'db1', key: 'x', value: '1' },
          { do: 'write', node: 'db2', key: 'y', value: '2' },
          { do: 'advance', ms: 1000 },
        ],
        condition: {
          all: [
            { node: 'db1', has: { key: 'y', value: '2' } },
            { node: 'db2', has: { key: 'x', value: '1' } },
            { node: 'db3', has: { key: 'y', value: '2' } },
            { node: 'db4', has: { key: 'x', value: '1' } },
          ],
        },
      },
      {
        text: 'Both writes reached every node. Kill db1.',
        target: { node: 'db1' },
        actions: [{ do: 'kill', node: 'db1' }],
        condition: { node: 'db1', status: 'down' },
      },
      {
        text: 'The system is not read-only: db2 still accepts writes, with no promotion. Write z = 3 on db2.',
        target: { node: 'db2' },
        actions: [
          { do: 'write', node: 'db2', key: 'z', value: '3' },
          { do: 'advance', ms: 1000 },
        ],
        condition: {
          all: [
            { flag: 'readOnly', is: false },
            { node: 'db4', has: { key: 'z', value: '3' } },
          ],
        },
      },
      {
        text: 'db1 missed z = 3. Restart db1.',
        target: { node: 'db1' },
        actions: [
          { do: 'restart', node: 'db1' },
          { do: 'advance', ms: 2000 },
        ],
        condition: {
          all: [
            { node: 'db1', has: { key: 'z', value: '3' } },
            { node: 'db3', has: { key: 'z', value: '3' } },
          ],
        },
      },
      {
        text: 'db1 caught up on what db2 wrote while it was down, and passed it to db3. Either {primary} can fail and writes go on. The price: two places to write the same key (next lesson).',
        target: { node: 'db1' },
      },
    ],
  },
  {
    id: 'conflicts',
    title: 'Conflicts: latency, more {primaries}, LWW, siblings, certification',
    summary: 'Why conflicts happen, what makes them more frequent, and three ways to settle them.',
    scenario: masterMaster(),
    steps: [
      {
        text: 'db1 and db2 are 150 ms apart. The lab will write cart = apple on db1 and cart = pear on db2 at the same moment, and let 1 s pass.',
        target: { node: 'db1' },
        predict: {
          question: 'Both writes will be acknowledged. What will cart hold a second later?',
          choices: [
            { text: 'apple on db1 and pear on db2, each its own' },
            { text: 'One of them on every node; the other write silently gone', right: true },
            { text: 'An error for the second write' },
          ],
          explain:
            'Last writer wins keeps the version with the later timestamp everywhere and drops the other without telling its client.',
        },
        actions: [
          { do: 'write', node: 'db1', key: 'cart', value: 'apple' },
          { do: 'write', node: 'db2', key: 'cart', value: 'pear' },
          { do: 'advance', ms: 1000 },
        ],
        condition: { all: [{ conflicts: { atLeast: 1 } }, { metric: 'overwrittenWrites', atLeast: 1 }] },
      },
      {
        text: 'Neither write had seen the other: a conflict. Last writer wins (LWW) kept the later timestamp on every node; the other acknowledged write vanished silently (overwritten writes). Next runs 20 writes/s over 5 keys for 10 s.',
        actions: [
          { do: 'startWorkload', writesPerSec: 20, readsPerSec: 0, keys: 5 },
          { do: 'advance', ms: 10_000 },
        ],
        condition: { all: [{ metric: 'writes', atLeast: 150 }, { conflicts: { atLeast: 20, atMost: 80 } }] },
      },
      {
        text: 'Note the conflict count in the metrics. Next raises the latency between db1 and db2 to 600 ms and runs another 10 s.',
        actions: [
          { do: 'setLatency', a: 'db1', b: 'db2', ms: 600 },
          { do: 'advance', ms: 10_000 },
        ],
        condition: { conflicts: { atLeast: 160 } },
      },
      {
        text: 'Far more conflicts: the longer a write is in flight, the likelier the other side writes the same key meanwhile. More {primaries} add chances too: next starts over with db3 as a third {primary} at 150 ms and the same workload for 10 s.',
        actions: [
          {
            do: 'load',
            scenario: masterMaster({
              nodes: [
                { id: 'db1', role: 'primary' },
                { id: 'db2', role: 'primary' },
                { id: 'db3', role: 'primary' },
                { id: 'db4', role: 'replica', upstream: 'db2' },
              ],
            }),
          },
          { do: 'startWorkload', writesPerSec: 20, readsPerSec: 0, keys: 5 },
          { do: 'advance', ms: 10_000 },
        ],
        condition: { all: [{ node: 'db3', role: 'primary' }, { conflicts: { atLeast: 81 } }] },
      },
      {
        text: 'Three {primaries}, same writes, more conflicts than two had. Next starts over with two {primaries} that keep siblings instead of LWW, and writes apple on db1 and pear on db2 again.',
        actions: [
          { do: 'load', scenario: masterMaster({ conflictResolution: 'siblings' }) },
          { do: 'write', node: 'db1', key: 'cart', value: 'apple' },
          { do: 'write', node: 'db2', key: 'cart', value: 'pear' },
          { do: 'advance', ms: 1000 },
        ],
        condition: {
          all: [
            { node: 'db1', siblings: 'cart' },
            { node: 'db2', siblings: 'cart' },
          ],
        },
      },
      {
        text: 'Both values are kept (siblings, as Riak does): a read of cart returns apple|pear and the application decides. Write cart = apple+pear on db1, which resolves them.',
        target: { node: 'db1' },
        actions: [
          { do: 'write', node: 'db1', key: 'cart', value: 'apple+pear' },
          { do: 'advance', ms: 1000 },
        ],
        condition: {
          all: [
            { node: 'db1', has: { key: 'cart', value: 'apple+pear' } },
            { node: 'db2', has: { key: 'cart', value: 'apple+pear' } },
          ],
        },
      },
      {
        text: 'Nothing was lost, but the application had to merge. Next starts over in synchronous mode (certification, as Galera does) and writes apple on db1 and pear on db2 again.',
        actions: [
          { do: 'load', scenario: masterMaster({ replication: { mode: 'sync' } }) },
          { do: 'write', node: 'db1', key: 'cart', value: 'apple' },
          { do: 'write', node: 'db2', key: 'cart', value: 'pear' },
          { do: 'advance', ms: 1000 },
        ],
        condition: { all: [{ metric: 'failedWrites', atLeast: 1 }, { conflicts: { atLeast: 1 } }] },
      },
      {
        text: 'Certification let the first write commit and failed the second (a deadlock error the client can retry): nothing acknowledged is lost and no merge is needed, but every write waits a round trip to the other {primaries}.',
      },
    ],
  },
  {
    id: 'split-brain',
    title: 'Split brain and fencing',
    summary: 'Two {primaries} at once after a network cut, and how fencing prevents it.',
    scenario: failover(false),
    steps: [
      {
        text: 'A failover manager (like Patroni) watches db1’s heartbeats and promotes a {replica} when they stop. Fencing is off. Cut db1 off from the others, then watch for 5 s.',
        target: { node: 'db1' },
        actions: [
          { do: 'partition', groups: [['db1'], ['db2', 'db3']] },
          { do: 'advance', ms: 5000 },
        ],
        condition: { node: 'db2', role: 'primary' },
      },
      {
        text: 'The manager stopped hearing db1 and promoted db2. But db1 still runs and still takes itself for the {primary}. Write k = a on db1, as a client on its side of the cut would.',
        target: { node: 'db1' },
        actions: [
          { do: 'write', node: 'db1', key: 'k', value: 'a' },
          { do: 'advance', ms: 500 },
        ],
        condition: {
          all: [
            { flag: 'splitBrain', is: true },
            { node: 'db1', has: { key: 'k', value: 'a' } },
          ],
        },
      },
      {
        text: 'Split brain: two {primaries} accept writes on two timelines. The lab will heal the network and let 3 s pass.',
        predict: {
          question: 'db1 acknowledged k = a. What happens to it once the network heals?',
          choices: [
            { text: 'It replicates to db2 and db3' },
            { text: 'It is lost', right: true },
            { text: 'db1 and db2 both stay {primaries}' },
          ],
          explain:
            'db2 leads on a newer timeline, so db1 steps down and is rewound: what it wrote alone is discarded, acknowledged or not.',
        },
        actions: [{ do: 'heal' }, { do: 'advance', ms: 3000 }],
        condition: {
          all: [
            { node: 'db1', role: 'replica' },
            { metric: 'lostWrites', atLeast: 1 },
          ],
        },
      },
      {
        text: 'db1 learned of the new {primary}, stepped down and was rewound: k = a, acknowledged, is lost. Next starts over with fencing on and cuts db1 off again for 5 s.',
        actions: [
          { do: 'load', scenario: failover(true) },
          { do: 'partition', groups: [['db1'], ['db2', 'db3']] },
          { do: 'advance', ms: 5000 },
        ],
        condition: {
          all: [
            { node: 'db1', state: 'primary.fenced' },
            { node: 'db2', role: 'primary' },
          ],
        },
      },
      {
        text: 'db1 could not renew its lease, so it fenced itself (read-only) before the manager promoted db2. Try to write k = a on db1.',
        target: { node: 'db1' },
        actions: [{ do: 'write', node: 'db1', key: 'k', value: 'a' }],
        condition: {
          all: [
            { metric: 'failedWrites', atLeast: 1 },
            { flag: 'splitBrain', is: false },
          ],
        },
      },
      {
        text: 'Refused, so nothing can be acknowledged and lost. Heal the network.',
        actions: [{ do: 'heal' }, { do: 'advance', ms: 3000 }],
        condition: {
          all: [
            { node: 'db1', role: 'replica' },
            { metric: 'lostWrites', atMost: 0 },
          ],
        },
      },
      {
        text: 'db1 rejoined as a {replica} with nothing to discard. Fencing costs a short read-only window on the cut-off side; without it, a partition can silently lose acknowledged writes.',
        target: { node: 'db1' },
      },
    ],
  },
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}
