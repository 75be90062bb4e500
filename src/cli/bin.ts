/** The command line's process: files, standard streams, a progress bar on a terminal, the exit code. */
import { readFileSync } from 'node:fs';
import { cli, type Io } from './main.ts';

/** A bar on stderr, drawn at most ten times a second and only once a run has taken a moment. */
function progressBar(stream: NodeJS.WriteStream): (fraction: number) => void {
  const started = Date.now();
  let drawnAt = 0;
  return (fraction) => {
    const now = Date.now();
    if (now - started < 300 || (now - drawnAt < 100 && fraction < 1)) return;
    drawnAt = now;
    const width = 30;
    const done = Math.round(Math.min(1, fraction) * width);
    stream.write(`\r[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${Math.floor(fraction * 100)}%`);
  };
}

const stderr = process.stderr;
const state = { barShown: false };
const bar = stderr.isTTY ? progressBar(stderr) : null;
const io: Io = {
  readFile: (path) => readFileSync(path, 'utf8'),
  out: (text) => {
    if (state.barShown) stderr.write('\r\u001b[K');
    state.barShown = false;
    process.stdout.write(`${text}\n`);
  },
  err: (text) => {
    if (state.barShown) stderr.write('\r\u001b[K');
    state.barShown = false;
    stderr.write(`${text}\n`);
  },
  progress:
    bar === null
      ? null
      : (fraction) => {
          state.barShown = true;
          bar(fraction);
        },
};
const code = cli(process.argv.slice(2), io);
if (state.barShown) stderr.write('\r\u001b[K');
process.exitCode = code;
