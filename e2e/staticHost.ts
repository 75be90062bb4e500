/** A plain static file server for tests: files under a directory at a base path, no fallback to index.html. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** Files under `root` at `base`, a directory's index.html, a redirect to add a directory's slash; else 404. */
function staticHost(root: string, base: string) {
  return createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    if (!path.startsWith(base)) {
      response.writeHead(404).end();
      return;
    }
    const file = normalize(join(root, path.slice(base.length)));
    if (!file.startsWith(root) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    if (statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        response.writeHead(301, { location: `${path}/` }).end();
        return;
      }
      const index = join(file, 'index.html');
      if (!existsSync(index)) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': TYPES['.html'] }).end(readFileSync(index));
      return;
    }
    response
      .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
}

export interface StaticHost {
  readonly origin: string;
  readonly close: () => Promise<void>;
}

/** Serves `root` at `base` on a free port of 127.0.0.1, as GitHub Pages or a bucket would. */
export async function serveStatic(root: string, base = '/'): Promise<StaticHost> {
  const server = staticHost(root, base);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
