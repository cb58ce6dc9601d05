import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findLeaks } from '../src/consumer.js';

const REGISTRY = 'http://127.0.0.1:4873/';
const WORKSPACE = '/work/somewhere/repo';
const dirs: string[] = [];

/** A way to spoil a clean install, and the leak it must cause. */
type LeakCase = [name: string, spoil: (dir: string) => void, leak: unknown];

/** A consumer folder with a clean install of `dep`, changed by `spoil`. */
function consumer(spoil: (dir: string) => void = () => {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'release-leaks-'));
  dirs.push(dir);
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write('node_modules/dep/package.json', JSON.stringify({ name: 'dep', dependencies: { other: '^1.0.0' } }));
  write('node_modules/dep/index.js', 'export default 1;\n');
  write(
    'package-lock.json',
    JSON.stringify({
      packages: { '': {}, 'node_modules/dep': { resolved: `${REGISTRY}dep/-/dep-1.0.0.tgz` } },
    }),
  );
  spoil(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('findLeaks', () => {
  it('finds nothing in a clean install from the registry', () => {
    expect(findLeaks(consumer(), REGISTRY, [WORKSPACE])).toEqual([]);
  });

  it.each<LeakCase>([
    [
      'a link out of the project',
      (dir: string) => symlinkSync(tmpdir(), join(dir, 'node_modules/linked')),
      { path: 'node_modules/linked', problem: expect.stringContaining('links outside the project') },
    ],
    ...['workspace:^', 'file:../dep', 'link:../dep', 'catalog:'].map(
      (spec): LeakCase => [
        `a ${spec} specifier`,
        (dir: string) =>
          writeFileSync(
            join(dir, 'node_modules/dep/package.json'),
            JSON.stringify({ dependencies: { x: spec } }),
          ),
        { path: 'node_modules/dep/package.json', problem: `dependencies.x is ${spec}` },
      ],
    ),
    [
      'a file naming the workspace',
      (dir: string) =>
        writeFileSync(join(dir, 'node_modules/dep/index.js'), `// ${WORKSPACE}/src/index.ts\n`),
      { path: 'node_modules/dep/index.js', problem: `mentions ${WORKSPACE}` },
    ],
    [
      'a package resolved from another registry',
      (dir: string) =>
        writeFileSync(
          join(dir, 'package-lock.json'),
          JSON.stringify({
            packages: { 'node_modules/dep': { resolved: 'https://registry.npmjs.org/dep.tgz' } },
          }),
        ),
      { path: 'node_modules/dep', problem: expect.stringContaining('https://registry.npmjs.org/') },
    ],
    [
      'a linked package in the lockfile',
      (dir: string) =>
        writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ packages: { dep: { link: true } } })),
      { path: 'dep', problem: 'is a link in package-lock.json' },
    ],
  ])('reports %s', (_, spoil, leak) => {
    expect(findLeaks(consumer(spoil), REGISTRY, [WORKSPACE])).toContainEqual(leak);
  });
});
