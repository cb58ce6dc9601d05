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
  it('the built package has no static node: import (browsers, Deno, Bun)', async () => {
    const dist = new URL('../dist/', import.meta.url);
    const files = (await readdir(dist)).filter((name) => name.endsWith('.js'));
    expect(files.length).toBeGreaterThan(5);
    for (const name of files) {
      const code = await readFile(new URL(name, dist), 'utf8');
      expect(code, name).not.toMatch(/^import[^;]*from\s+['"]node:/m);
      expect(code, name).not.toMatch(/require\(/);
    }
  });
});
