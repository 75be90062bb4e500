/** The app's initial JavaScript: what dist/index.html loads before the first frame, raw and gzipped. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ChunkSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzip: number;
}

function sizeOf(dist: string, file: string): ChunkSize {
  const content = readFileSync(join(dist, file));
  return { file, bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
}

/** Scripts and module preloads named in index.html (initial), and every other chunk (loaded later). */
export function bundleSizes(dist = 'dist'): { initial: ChunkSize[]; later: ChunkSize[] } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initialFiles = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/([^"]+\.js)"/g)].map(
    (m) => m[1]!,
  );
  const all = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  return {
    initial: initialFiles.map((f) => sizeOf(dist, f)),
    later: all.filter((f) => !initialFiles.includes(f)).map((f) => sizeOf(dist, f)),
  };
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

/** Prints the figures (1 kB = 1000 bytes, as Vite prints them). */
export function printBundleSizes(dist = 'dist'): void {
  const { initial, later } = bundleSizes(dist);
  const total = (list: ChunkSize[], key: 'bytes' | 'gzip') => list.reduce((sum, c) => sum + c[key], 0);
  console.log('Initial JavaScript (loaded before the first frame):');
  for (const c of initial)
    console.log(`  ${c.file.padEnd(36)} ${kB(c.bytes).padStart(10)}  gzip ${kB(c.gzip)}`);
  console.log(
    `  total ${kB(total(initial, 'bytes'))}, gzip ${kB(total(initial, 'gzip'))} (target: under 150 kB gzip)`,
  );
  console.log('Loaded later (idle prefetch or on demand):');
  for (const c of later)
    console.log(`  ${c.file.padEnd(36)} ${kB(c.bytes).padStart(10)}  gzip ${kB(c.gzip)}`);
}
