/**
 * `npm run test:pack`: the engine and the command line as a user gets them, from the packed tarball and not
 * from the tree. Packs the package, installs the tarball into an empty folder (dependencies from npm's
 * cache when it has them), then runs `npx replication-lab run` on the packed example and imports
 * `replication-lab/engine` from a script there. Prints what it did; exits non-zero on any failure.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const here = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'replication-lab-pack-'));
const run = (command, args, cwd) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

try {
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], here));
  const { filename, files } = packed[0];
  console.log(`packed ${filename}: ${files.length} files`);
  const app = join(work, 'app');
  run('mkdir', ['-p', app], work);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'pack-test', private: true, type: 'module' }),
  );
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, filename)], app);

  const scenario = 'node_modules/replication-lab/examples/async-failover.scenario.json';
  const commands = 'node_modules/replication-lab/examples/kill-the-master.commands.json';
  const table = run(
    'npx',
    ['--no-install', 'replication-lab', 'run', scenario, '--commands', commands, '--until', '15s'],
    app,
  );
  if (!table.includes('Failovers (1)'))
    throw new Error(`npx replication-lab run printed no failover:\n${table}`);
  console.log(table.split('\n')[0]);

  let code = 0;
  try {
    run(
      'npx',
      [
        '--no-install',
        'replication-lab',
        'check',
        scenario,
        '--commands',
        commands,
        '--forbid',
        'lost-write',
      ],
      app,
    );
  } catch (error) {
    code = error.status;
  }
  if (code !== 1) throw new Error(`check --forbid lost-write exited ${code}, not 1`);
  console.log('check --forbid lost-write: exit 1');

  // The README's example ("Use the engine"), as written there.
  const readme = readFileSync(join(here, 'README.md'), 'utf8');
  const example = /```js\n(import \{ createSimulation \} from 'replication-lab\/engine';[\s\S]*?)```/.exec(
    readme,
  )?.[1];
  if (example === undefined) throw new Error('README.md has no "Use the engine" example');
  writeFileSync(join(app, 'use.js'), example);
  const printed = run('node', ['use.js'], app).trim();
  if (!printed.startsWith('1 Write #1 (balance = "100") was acknowledged by db1 and then lost'))
    throw new Error(`the README's example printed ${printed}`);
  console.log(`the README's example: ${printed}`);
  const version = JSON.parse(
    readFileSync(join(app, 'node_modules/replication-lab/package.json'), 'utf8'),
  ).version;
  console.log(`ok: replication-lab ${version} from the tarball`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
