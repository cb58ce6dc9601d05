import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PrismServer, startPrism } from '@docspace-people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsumerProject, createConsumer, findLeaks } from '../src/consumer.js';
import { type LocalRegistry, startLocalRegistry } from '../src/local-registry.js';
import { copyRepoForRelease, writeChangeset } from '../src/repo-copy.js';
import { type RunResult, run } from '../src/run.js';
import { increment } from '../src/semver.js';
import { packInstalled, thirdPartyClosure } from '../src/third-party.js';
import { publishablePackages, toolBin, workspaceRoot } from '../src/workspace.js';

const CLIENT = '@docspace-people/client';
const SDK = '@docspace-people/sdk';
const CLI = '@docspace-people/cli';
const TESTING = '@docspace-people/testing';
const USER_ID = '3f2a8d1e-6b7c-4e21-9a5d-0c8e4b1f7a26';
const publishable = publishablePackages();
const released = Object.fromEntries(publishable.map((pkg) => [pkg.name, increment(pkg.version, 'minor')]));

const work = mkdtempSync(join(tmpdir(), 'release-rehearsal-'));
let repo = '';
let registry: LocalRegistry | undefined;
let prism: PrismServer | undefined;
let consumer: ConsumerProject;

/** The manifest of a package installed in the consumer. */
function installed(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(consumer.dir, 'node_modules', name, 'package.json'), 'utf8'));
}

/** Type-checks one file of the consumer with the strictest options a consumer may use, declarations included. */
async function typeCheck(file: string): Promise<RunResult> {
  const tsconfig = join(consumer.dir, `tsconfig.${file}.json`);
  writeFileSync(
    tsconfig,
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2022', 'DOM'],
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        verbatimModuleSyntax: true,
        noEmit: true,
        skipLibCheck: false,
        skipDefaultLibCheck: true,
        types: [],
      },
      files: [file],
    }),
  );
  return run(join(toolBin, 'tsc'), ['-p', tsconfig], { cwd: consumer.dir, allowFailure: true });
}

/**
 * Versions every publishable package with `changeset version` on a copy of the repository; starts an empty local
 * registry (no uplinks) and Prism; publishes to the registry the third-party packages ours need, then ours with
 * `changeset publish`, as a release does; then a fresh project outside the workspace installs the facade and the
 * CLI from there with plain npm.
 */
beforeAll(async () => {
  repo = copyRepoForRelease();
  const bumps = Object.fromEntries(publishable.map((pkg) => [pkg.name, 'minor' as const]));
  writeChangeset(repo, 'rehearsal', bumps, 'Rehearsal release.');
  await run(join(toolBin, 'changeset'), ['version'], { cwd: repo });
  const own = new Set(publishable.map((pkg) => pkg.name));
  const tarballs = join(work, 'third-party');
  mkdirSync(tarballs);
  const thirdParty: string[] = [];
  for (const pkg of thirdPartyClosure(publishable, own)) thirdParty.push(await packInstalled(pkg, tarballs));
  await Promise.all([
    startLocalRegistry(join(work, 'registry')).then((started) => {
      registry = started;
    }),
    startPrism().then((started) => {
      prism = started;
    }),
  ]);
  if (!registry) throw new Error('the registry did not start');
  const local = registry;
  await Promise.all(thirdParty.map((tarball) => local.publish(tarball)));
  // changesets publishes to npm_config_registry (or npmjs.org when it is unset): it must be the local registry.
  await run(join(toolBin, 'changeset'), ['publish', '--no-git-tag'], { cwd: repo, env: local.publisherEnv });
  const consumerDir = join(work, 'consumer');
  mkdirSync(consumerDir);
  consumer = createConsumer(consumerDir, local.url);
  await consumer.install(SDK, TESTING, ...(CLI in released ? [CLI] : []));
});

afterAll(async () => {
  await Promise.all([registry?.stop(), prism?.stop()]);
  rmSync(work, { recursive: true, force: true });
  if (repo) rmSync(repo, { recursive: true, force: true });
});

describe('publish rehearsal: a consumer installs the facade, the test kit (and the CLI) from a local registry with plain npm', () => {
  it.each(publishable.map((pkg) => pkg.name))(
    'changeset publish put %s on the registry at its new version',
    async (name) => {
      const packument = await registry?.packument(name);
      expect(packument?.['dist-tags']).toEqual({ latest: released[name] });
    },
  );

  it('the published facade depends on the published client', async () => {
    const packument = await registry?.packument(SDK);
    const versions = packument?.versions as Record<string, { dependencies?: Record<string, string> }>;
    expect(versions[released[SDK] ?? '']?.dependencies).toEqual({ [CLIENT]: `^${released[CLIENT]}` });
  });

  it('installs the released facade and, as its dependency, the released client', () => {
    expect(installed(SDK).version).toBe(released[SDK]);
    expect(installed(CLIENT).version).toBe(released[CLIENT]);
  });

  it('imports the facade as ESM and gets a typed Person from a call against Prism', async () => {
    const { stdout } = await consumer.node(
      'esm.js',
      [
        "import { DocSpace } from '@docspace-people/sdk';",
        "const ds = new DocSpace({ baseUrl: process.env.PRISM_URL, token: 'sk-consumer', maxRetries: 0 });",
        `const person = await ds.people.get('${USER_ID}');`,
        'console.log(JSON.stringify({ id: person.id, type: person.type, dated: person.registrationDate instanceof Date }));',
      ].join('\n'),
      { PRISM_URL: prism?.url ?? '' },
    );
    expect(JSON.parse(stdout)).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: expect.any(String),
      dated: true,
    });
  });

  it('requires the facade from CommonJS (Node 20.19+ loads an ES module from require) and calls Prism', async () => {
    const { stdout } = await consumer.node(
      'require.cjs',
      [
        "const { DocSpace, ApiError } = require('@docspace-people/sdk');",
        "const ds = new DocSpace({ baseUrl: process.env.PRISM_URL, token: 'sk-consumer', maxRetries: 0 });",
        `ds.people.get('${USER_ID}').then((person) =>`,
        '  console.log(JSON.stringify({ id: person.id, errorClass: typeof ApiError })));',
      ].join('\n'),
      { PRISM_URL: prism?.url ?? '' },
    );
    expect(JSON.parse(stdout)).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      errorClass: 'function',
    });
  });

  it('type-checks a strict TypeScript consumer against the installed declarations, which are real types', async () => {
    writeFileSync(
      join(consumer.dir, 'consumer.ts'),
      [
        "import { ApiError, DocSpace, type Person } from '@docspace-people/sdk';",
        '',
        "const ds = new DocSpace({ baseUrl: 'https://portal.example.com', token: 'sk-consumer' });",
        '',
        'export async function nameOf(id: string): Promise<string | undefined> {',
        '  const person: Person = await ds.people.get(id);',
        '  return person.displayName;',
        '}',
        '',
        'export function statusOf(error: unknown): number | undefined {',
        '  return error instanceof ApiError ? error.status : undefined;',
        '}',
        '',
        '// @ts-expect-error an id is a string',
        'void ds.people.get(42);',
        '// @ts-expect-error the portal URL is required',
        "new DocSpace({ token: 'sk-consumer' });",
        '',
      ].join('\n'),
    );
    const result = await typeCheck('consumer.ts');
    expect(result.stdout.trim()).toBe('');
    expect(result.code).toBe(0);
  });

  it('type-checks the usage example of the published client README in the same strict consumer', async () => {
    const readme = readFileSync(join(consumer.dir, 'node_modules', CLIENT, 'README.md'), 'utf8');
    const example = /## Usage\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toContain('createClient(');
    writeFileSync(
      join(consumer.dir, 'client-readme.ts'),
      `declare const process: { env: Record<string, string | undefined> };\n${example}export {};\n`,
    );
    const result = await typeCheck('client-readme.ts');
    expect(result.stdout.trim()).toBe('');
    expect(result.code).toBe(0);
  });

  it('installs the test kit without Prism (an optional peer) and runs the SDK against its fake portal', async () => {
    expect(installed(TESTING).version).toBe(released[TESTING]);
    const { stdout } = await consumer.node(
      'fake-portal.mjs',
      [
        "import { DocSpace, NotFoundError } from '@docspace-people/sdk';",
        "import { startSamplePortal, startPrism } from '@docspace-people/testing';",
        'const portal = await startSamplePortal();',
        'const ds = new DocSpace({ baseUrl: portal.url, token: portal.ownerToken, maxRetries: 0 });',
        "const created = await ds.people.create({ email: 'kim@example.com', firstName: 'Kim', lastName: 'Lee', type: 'User' });",
        'const [terminated] = await ds.people.terminate(created.id);',
        'await ds.people.delete(created.id);',
        'const gone = await ds.people.get(created.id).then(() => false, (error) => error instanceof NotFoundError);',
        'const prism = await startPrism().then(() => "started", (error) => error.message);',
        'await portal.stop();',
        'console.log(JSON.stringify({ name: created.displayName, status: terminated?.status, gone, people: portal.users().length, prism }));',
      ].join('\n'),
    );
    expect(JSON.parse(stdout)).toEqual({
      name: 'Kim Lee',
      status: 'Terminated',
      gone: true,
      people: 6,
      prism: expect.stringContaining('needs @stoplight/prism-cli, an optional peer dependency'),
    });
  });

  it.runIf(CLI in released)(
    'runs the CLI from its installed bin, which reports the released version',
    async () => {
      const { stdout } = await run(join(consumer.dir, 'node_modules/.bin/docspace-people'), ['--version'], {
        cwd: consumer.dir,
      });
      expect(stdout.trim()).toBe(released[CLI]);
    },
  );

  it('installs from a registry without uplinks: a package that was not published there cannot be installed', async () => {
    const result = await consumer.install('left-pad').catch((error: Error) => error);
    expect(result).toBeInstanceOf(Error);
    expect(String(result)).toMatch(/E404|404 Not Found/);
  });

  it('holds nothing from the workspace: no links out, no local specifiers, everything from the local registry', () => {
    expect(findLeaks(consumer.dir, registry?.url ?? '', [workspaceRoot, repo])).toEqual([]);
  });
});
