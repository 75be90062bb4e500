#!/usr/bin/env node
// Before the end-to-end tests: make sure a Chromium exists, installing one the way this machine allows.
// Order matches playwright.config.ts: PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, Playwright's own browser,
// Debian's /usr/bin/chromium. If none is there: `npx playwright install chromium` (a normal laptop),
// else Debian's package with apt-get (containers that cannot download browsers).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const run = (command) => {
  try {
    execSync(command, { stdio: 'inherit' });
    return true;
  } catch {
    return false;
  }
};
const hasBrowser = () =>
  Boolean(process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH) ||
  existsSync(chromium.executablePath()) ||
  existsSync('/usr/bin/chromium');

if (!hasBrowser()) {
  console.log('ensure-browser: no Chromium found; installing one');
  const installed =
    run('npx playwright install chromium') ||
    (existsSync('/usr/bin/apt-get') &&
      run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'));
  if (!installed || !hasBrowser()) {
    console.error(
      'ensure-browser: could not install Chromium. Install it (Debian: apt-get install chromium) or set PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH.',
    );
    process.exit(1);
  }
}
