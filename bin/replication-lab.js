#!/usr/bin/env node
// The `replication-lab` command: the built engine (dist-engine/, made by `npm run build:engine` and by
// `npm pack`), or in a checkout that has not built it, the TypeScript sources through tsx.
import { existsSync } from 'node:fs';

const built = new URL('../dist-engine/cli/bin.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/bin.ts', import.meta.url).href);
}
