import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';

/** Where browser tests keep their screenshots (git-ignored; CI keeps them as artifacts). */
export const ARTIFACTS_DIR = path.resolve(import.meta.dirname, '../../test-artifacts');

/** Debian's Chromium, headless; never a browser a tool downloaded. */
export async function launchBrowser(): Promise<Browser> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
