import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PackedPackage, packPackages } from '../src/pack.js';
import { run } from '../src/run.js';
import { publishablePackages, toolBin } from '../src/workspace.js';

const publishable = publishablePackages();
const names = publishable.map((pkg) => pkg.name);
const destination = mkdtempSync(join(tmpdir(), 'release-quality-'));
const packed = new Map<string, PackedPackage>();

/** The tarball of a publishable package, packed once for the whole file. */
function tarballOf(name: string): PackedPackage {
  const found = packed.get(name);
  if (!found) throw new Error(`${name} was not packed`);
  return found;
}

beforeAll(async () => {
  for (const pkg of await packPackages(
    publishable.map((p) => p.dir),
    destination,
  )) {
    packed.set(pkg.name, pkg);
  }
});

afterAll(() => rmSync(destination, { recursive: true, force: true }));

describe('publishable packages', () => {
  it('include the client, the facade and the test kit; examples and release-check stay private', () => {
    expect(names).toEqual(
      expect.arrayContaining(['@docspace-people/client', '@docspace-people/sdk', '@docspace-people/testing']),
    );
    expect(names).not.toContain('@docspace-people/examples');
    expect(names).not.toContain('@docspace-people/release-check');
  });

  it.each(names)('%s passes publint (strict) on its tarball', async (name) => {
    const tarball = readFileSync(tarballOf(name).tarball);
    const { messages, pkg } = await publint({
      pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
      strict: true,
    });
    expect(messages.map((message) => `${message.type}: ${formatMessage(message, pkg)}`)).toEqual([]);
  });

  it.each(names)('%s passes @arethetypeswrong/cli (ESM-only profile) on its tarball', async (name) => {
    const result = await run(
      join(toolBin, 'attw'),
      [tarballOf(name).tarball, '--profile', 'esm-only', '-f', 'json'],
      {
        cwd: destination,
        allowFailure: true,
      },
    );
    const report = JSON.parse(result.stdout) as {
      problems?: Record<string, { kind: string; entrypoint: string; resolutionKind?: string }[]>;
    };
    // Accepted: ESM-only by design (CJSResolvesToESM), and subpath entry points (`./vitest-prism`) that node10
    // resolution cannot see, as it has no `exports` support (the esm-only profile ignores node10).
    const problems = Object.values(report.problems ?? {})
      .flat()
      .filter((problem) => problem.kind !== 'CJSResolvesToESM')
      .filter((problem) => !(problem.resolutionKind === 'node10' && problem.entrypoint !== '.'))
      .map((problem) => `${problem.kind} ${problem.entrypoint} (${problem.resolutionKind ?? 'any'})`);
    expect(problems).toEqual([]);
    expect(result.code).toBe(0);
  });

  it.each(names)('%s has complete metadata in the packed manifest', (name) => {
    const { manifest } = tarballOf(name);
    const source = publishable.find((pkg) => pkg.name === name);
    // Tree-shakable: no module has side effects, except the sdk's Node entry, which installs node:http.
    const sideEffects = name === '@docspace-people/sdk' ? ['./dist/node.js'] : false;
    expect(manifest).toMatchObject({
      type: 'module',
      sideEffects,
      license: 'MIT',
      engines: { node: expect.stringMatching(/^>=20\.19/) },
      repository: { type: 'git', url: expect.stringMatching(/^git\+https:/), directory: source?.relativeDir },
      bugs: { url: expect.stringMatching(/^https:/) },
      homepage: expect.stringMatching(/^https:/),
      publishConfig: { access: 'public' },
      description: expect.any(String),
      keywords: expect.arrayContaining(['docspace']),
    });
  });

  it.each(names)('%s exports an entry point with `types` listed first', (name) => {
    const exports = tarballOf(name).manifest.exports as Record<string, unknown>;
    const root = exports['.'] as Record<string, string>;
    expect(Object.keys(root)[0]).toBe('types');
    expect(tarballOf(name).files).toEqual(
      expect.arrayContaining([root.types?.slice(2), root.default?.slice(2)]),
    );
  });

  it.each(names)('%s ships README, LICENSE and dist, and no tests, sources or build caches', (name) => {
    const { files } = tarballOf(name);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE']));
    expect(files.some((file) => file.startsWith('dist/'))).toBe(true);
    expect(
      files.filter((file) => /^(test|src|node_modules)\/|\.tsbuildinfo$|(^|\/)tsconfig/.test(file)),
    ).toEqual([]);
  });

  it.each(names)(
    '%s depends on real versions only: no workspace:, catalog:, file: or link: specifiers',
    (name) => {
      const { manifest } = tarballOf(name);
      const specifiers = ['dependencies', 'peerDependencies', 'optionalDependencies'].flatMap((field) =>
        Object.entries((manifest[field] ?? {}) as Record<string, string>),
      );
      expect(specifiers.filter(([, spec]) => /^(workspace|catalog|file|link|portal):/.test(spec))).toEqual(
        [],
      );
    },
  );

  it('the facade depends on the client at the version being released', () => {
    const client = tarballOf('@docspace-people/client');
    const sdk = tarballOf('@docspace-people/sdk');
    expect((sdk.manifest.dependencies as Record<string, string>)['@docspace-people/client']).toBe(
      `^${client.version}`,
    );
  });

  it('the client ships the curated OpenAPI document as @docspace-people/client/openapi.json', () => {
    const client = tarballOf('@docspace-people/client');
    expect(client.files).toContain('openapi.json');
    expect((client.manifest.exports as Record<string, unknown>)['./openapi.json']).toBe('./openapi.json');
  });
});
