import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { servePage } from './browser-page.js';

/** Debian's chromium (`apt-get install -y chromium`); playwright-core never downloads a browser here. */
export const chromiumPath = '/usr/bin/chromium';

/** Flags for a closed network: no background connections, no GPU, no sandbox (root in CI). Also used by packages/docs. */
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Loads the page from 127.0.0.1 in headless chromium with a fresh profile, waits for the smoke scenario and
 * returns its result as a JSON line (the same shape the other runtimes print).
 */
export async function smokeInChromium(prismUrl: string): Promise<string> {
  const profile = await mkdtemp(join(tmpdir(), 'chromium-profile-'));
  const server = await servePage(prismUrl);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumFlags,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => 'smoke' in window);
    const result = await page.evaluate(() => (window as unknown as { smoke: Promise<unknown> }).smoke);
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    return JSON.stringify(result);
  } finally {
    await context.close();
    await server.stop();
    await rm(profile, { recursive: true, force: true });
  }
}
