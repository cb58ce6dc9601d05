import { readdir, readFile } from 'node:fs/promises';
import { DocSpace, ValidationError } from '@docspace-people/sdk';
import { describe, expect, it } from 'vitest';
import { employee, envelope, jsonFetch } from './helpers/fixtures.js';

describe('client options', () => {
  it.each([
    ['no baseUrl', { token: 't' }, 'baseUrl'],
    ['a relative baseUrl', { baseUrl: '/api', token: 't' }, 'baseUrl'],
    ['a baseUrl with credentials', { baseUrl: 'https://u:p@portal.example', token: 't' }, 'baseUrl'],
    ['no credentials', { baseUrl: 'https://portal.example' }, 'token'],
    ['an empty token', { baseUrl: 'https://portal.example', token: ' ' }, 'token'],
    [
      'both token and basic',
      { baseUrl: 'https://portal.example', token: 't', basic: { email: 'a', password: 'b' } },
      'token',
    ],
    ['a negative timeout', { baseUrl: 'https://portal.example', token: 't', timeoutMs: -1 }, 'timeoutMs'],
    [
      'a zero concurrency',
      { baseUrl: 'https://portal.example', token: 't', maxConcurrentReads: 0 },
      'maxConcurrentReads',
    ],
  ])('refuses %s', (_, options, field) => {
    expect(() => new DocSpace(options as never)).toThrow(ValidationError);
    try {
      new DocSpace(options as never);
    } catch (error) {
      expect((error as ValidationError).field).toBe(field);
    }
  });

  it.each([
    ['https://portal.example', 'https://portal.example/api/2.0/people/@self'],
    ['https://portal.example/', 'https://portal.example/api/2.0/people/@self'],
    ['https://portal.example/api/2.0', 'https://portal.example/api/2.0/people/@self'],
    ['https://proxy.example/docspace/', 'https://proxy.example/docspace/api/2.0/people/@self'],
  ])('baseUrl %s sends requests to %s', async (baseUrl, expected) => {
    const { fetch, calls } = jsonFetch(envelope(employee()));
    await new DocSpace({ baseUrl, token: 't', fetch }).people.me();
    expect(calls[0]?.url).toBe(expected);
  });

  it('client and per-call headers are sent, but never replace Authorization', async () => {
    const { fetch, calls } = jsonFetch(envelope(employee()));
    const ds = new DocSpace({
      baseUrl: 'https://portal.example',
      token: 'real',
      fetch,
      headers: { 'X-App': 'a', Authorization: 'x' },
    });
    await ds.people.me({ headers: { 'X-Call': 'c', authorization: 'y' } });
    expect(calls[0]?.init?.headers).toMatchObject({
      'x-app': 'a',
      'x-call': 'c',
      authorization: 'Bearer real',
    });
  });
});

describe('runs outside Node', () => {
  // node.ts (the `node` export condition) and node-http.ts are the only files that may import node: modules.
  const nodeOnly = new Set(['node.js', 'node-http.js']);

  it('the built package has no static node: import outside its Node entry (browsers, Deno, Bun)', async () => {
    const dist = new URL('../dist/', import.meta.url);
    const files = (await readdir(dist)).filter((name) => name.endsWith('.js'));
    expect(files.length).toBeGreaterThan(5);
    for (const name of files) {
      const code = await readFile(new URL(name, dist), 'utf8');
      expect(code, name).not.toMatch(/require\(/);
      if (nodeOnly.has(name)) continue;
      expect(code, name).not.toMatch(/^import[^;]*from\s+['"]node:/m);
      for (const other of nodeOnly) expect(code, name).not.toContain(`'./${other}'`);
    }
  });

  it('only the `node` condition selects the Node entry; browsers, Bun and Deno get index.js', async () => {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
    const entry = pkg.exports['.'];
    expect(entry.node).toBe('./dist/node.js');
    for (const condition of ['bun', 'deno', 'default']) expect(entry[condition]).toBe('./dist/index.js');
    // Conditions are matched in order: bun and deno must come before node (both also match `node`).
    const order = Object.keys(entry);
    expect(order.indexOf('bun')).toBeLessThan(order.indexOf('node'));
    expect(order.indexOf('deno')).toBeLessThan(order.indexOf('node'));
    expect(pkg.sideEffects).toEqual(['./dist/node.js']);
  });
});
