/**
 * The API reference as a reader sees it: `pnpm run docs` builds the site (a turbo task, so an unchanged site comes from
 * the cache), then headless Chromium loads it from 127.0.0.1 and checks the sdk's page, the DocSpace class, an error
 * class and the search.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The runtime matrix's browser settings (Debian's chromium, flags for a closed network).
import { chromiumFlags, chromiumPath } from '../../runtime-matrix/src/chromium.js';
import { type StaticServer, serveFolder } from '../src/static-server.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const site = fileURLToPath(new URL('../site', import.meta.url));

let server: StaticServer;
let context: BrowserContext;
let page: Page;
let profile = '';
const pageErrors: string[] = [];

beforeAll(async () => {
  const built = spawnSync(
    'pnpm',
    ['exec', 'turbo', 'run', 'docs', '--filter=@docspace-people/docs', '--output-logs=errors-only'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (built.status !== 0) throw new Error(`pnpm run docs failed:\n${built.stdout}\n${built.stderr}`);
  server = await serveFolder(site);
  profile = await mkdtemp(join(tmpdir(), 'docs-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumFlags,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await context?.close();
  await server?.stop();
  if (profile) await rm(profile, { recursive: true, force: true });
});

/** Opens a page of the site and returns its `<h1>`. */
async function open(path: string): Promise<string> {
  const response = await page.goto(`${server.url}/${path}`);
  expect(response?.status()).toBe(200);
  return (await page.locator('h1').first().textContent()) ?? '';
}

describe('the API reference site (headless Chromium)', () => {
  it('links the four published packages from its start page', async () => {
    await open('');
    const links = await page
      .locator('a')
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    for (const name of ['sdk', 'client', 'cli', 'testing']) {
      expect(links).toContainEqual(
        expect.stringMatching(new RegExp(`modules/_docspace-people_${name}\\.html$`)),
      );
    }
  });

  it("shows the sdk's main page with its README and its exports", async () => {
    expect(await open('modules/_docspace-people_sdk.html')).toContain('@docspace-people/sdk');
    const text = await page.locator('body').textContent();
    expect(text).toContain('new DocSpace('); // from the README
    expect(await page.locator('a[href*="_docspace-people_sdk.DocSpace.html"]').count()).toBeGreaterThan(0);
  });

  it('shows the DocSpace class with its documented members', async () => {
    expect(await open('classes/_docspace-people_sdk.DocSpace.html')).toContain('DocSpace');
    const members = await page.locator('.tsd-signature, h3.tsd-anchor-link').allTextContents();
    expect(members.join(' ')).toMatch(/people/);
    expect(members.join(' ')).toMatch(/photos/);
    expect(await page.locator('.tsd-comment').count()).toBeGreaterThan(3);
  });

  it('links each member to its source file in the repository ("Defined in")', async () => {
    await open('classes/_docspace-people_sdk.DocSpace.html');
    const prefix = 'https://github.com/docspace-people/docspace-people/blob/main/';
    const sources = await page
      .locator(`a[href^="${prefix}"]`)
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
    expect(sources).toContainEqual(expect.stringMatching(/\/packages\/sdk\/src\/docspace\.ts#L\d+$/));
    // Every link names a file that exists at that path from the repository root.
    const files = sources.map((href) => href.slice(prefix.length).replace(/#L\d+$/, ''));
    expect(files.filter((file) => !existsSync(join(root, file)))).toEqual([]);
  });

  it('shows an error class with its place in the hierarchy', async () => {
    expect(await open('classes/_docspace-people_sdk.NotFoundError.html')).toContain('NotFoundError');
    const hierarchy = await page.locator('.tsd-hierarchy').first().textContent();
    expect(hierarchy).toContain('ApiError');
    expect(await page.locator('.tsd-comment').first().textContent()).not.toBe('');
  });

  it('finds a symbol with the search box and opens its page', async () => {
    await open('');
    await page.locator('#tsd-search-trigger, #tsd-search input, #tsd-search-field').first().click();
    await page.keyboard.type('RateLimitError');
    const hit = page
      .locator('#tsd-search-results a, .results a')
      .filter({ hasText: 'RateLimitError' })
      .first();
    await hit.waitFor({ timeout: 10_000 });
    await hit.click();
    await page.waitForURL(/RateLimitError\.html/);
    expect(await page.locator('h1').first().textContent()).toContain('RateLimitError');
  });

  it('ran without script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
