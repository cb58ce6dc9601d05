import { existsSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { chromiumPath, smokeInChromium } from '../src/chromium.js';
import { cliRuntimes } from '../src/runtimes.js';

/** Every runtime must see exactly this (the runtime's own name aside). */
const expected = {
  get: { userName: 'jane.cooper', status: 'Active', datesAreDates: true },
  create: { hasId: true },
  list: { hasItems: true, totalIsNumber: true },
  notFound: 'NotFoundError 404',
};

const runtimes = [
  ...cliRuntimes,
  {
    name: 'Chromium headless (Debian)',
    reportsAs: /^chromium \d+\./,
    smoke: smokeInChromium,
    entry: undefined,
  },
];

describe('the built facade runs the same smoke scenario against Prism in every runtime', () => {
  it('chromium is installed where CI installs it', () => {
    expect(existsSync(chromiumPath), `${chromiumPath} is missing: apt-get install -y chromium`).toBe(true);
  });

  it.each(runtimes)('$name', async ({ smoke, reportsAs, entry }) => {
    const output = await smoke(inject('prismUrl'));
    const { runtime, entry: resolved, ...result } = JSON.parse(output.trim().split('\n').at(-1) ?? '');
    expect(runtime).toMatch(reportsAs);
    expect(result).toEqual(expected);
    // Node resolves the package's `node` entry (node:http); Bun and Deno its fetch entry (conditions bun / deno).
    expect(resolved).toBe(entry);
  });
});
