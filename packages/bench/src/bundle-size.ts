import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { type Sample, sample } from './stats.js';

/**
 * Browser consumers that call people.get and people.create, one per client, plus the whole facade. The facade is
 * measured in its two forms: the all-in-one `DocSpace` class (every operation and the raw client come along) and
 * the standalone functions (`connect`, `peopleGet`, `peopleCreate`: the bundler keeps only those).
 */
export const consumers = {
  facade: `import { DocSpace } from '@docspace-people/sdk';
const ds = new DocSpace({ baseUrl: location.origin, token: 'sk-token' });
export const get = (id) => ds.people.get(id);
export const create = (email) => ds.people.create({ email });`,
  'facade functions': `import { connect, peopleCreate, peopleGet } from '@docspace-people/sdk';
const connection = connect({ baseUrl: location.origin, token: 'sk-token' });
export const get = (id) => peopleGet(connection, id);
export const create = (email) => peopleCreate(connection, { email });`,
  generated: `import { createClient } from '@docspace-people/client';
const client = createClient({ baseUrl: location.origin, token: 'sk-token' });
export const get = (userid) => client.GET('/api/2.0/people/{userid}', { params: { path: { userid } } });
export const create = (email) => client.POST('/api/2.0/people', { body: { email } });`,
  'openapi-fetch': `import createClient from 'openapi-fetch';
const client = createClient({ baseUrl: location.origin, headers: { Authorization: 'Bearer sk-token' } });
export const get = (userid) => client.GET('/api/2.0/people/{userid}', { params: { path: { userid } } });
export const create = (email) => client.POST('/api/2.0/people', { body: { email } });`,
  baseline: `const headers = { accept: 'application/json', authorization: 'Bearer sk-token' };
const json = async (r) => { const b = await r.json(); if (!r.ok) throw new Error('HTTP ' + r.status); return b.response; };
export const get = async (id) => json(await fetch(location.origin + '/api/2.0/people/' + encodeURIComponent(id), { headers }));
export const create = async (email) => json(await fetch(location.origin + '/api/2.0/people', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ email }) }));`,
  'whole facade': `export * from '@docspace-people/sdk';`,
} as const;

/** One of {@link consumers}. */
export type ConsumerName = keyof typeof consumers;

/** What each consumer imports, for the table. */
export const consumerLabels: Record<ConsumerName, string> = {
  facade: 'facade, class: new DocSpace(...).people.get/create',
  'facade functions': 'facade, functions: connect + peopleGet + peopleCreate',
  generated: 'generated client',
  'openapi-fetch': 'openapi-fetch',
  baseline: 'hand-written fetch',
  'whole facade': "whole facade: export * from '@docspace-people/sdk'",
};

/** Sizes of one consumer's bundle in bytes. */
export interface BundleSize {
  /** Minified. */
  minified: Sample;
  /** Minified, then gzipped at level 9. */
  gzipped: Sample;
}

const resolveDir = fileURLToPath(new URL('..', import.meta.url));

/** Bundles one consumer for the browser with esbuild (ESM, minified, tree-shaken); returns the code. */
export async function bundle(source: string): Promise<Uint8Array> {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output');
  return file.contents;
}

/** Measurement 3: bundle size of each consumer, built `rounds` times (the sizes must not vary). */
export async function measureBundleSizes(rounds: number): Promise<Record<ConsumerName, BundleSize>> {
  const out = {} as Record<ConsumerName, BundleSize>;
  for (const [name, source] of Object.entries(consumers) as [ConsumerName, string][]) {
    const minified: number[] = [];
    const gzipped: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const code = await bundle(source);
      minified.push(code.byteLength);
      gzipped.push(gzipSync(code, { level: 9 }).byteLength);
    }
    out[name] = { minified: sample(minified), gzipped: sample(gzipped) };
  }
  return out;
}
