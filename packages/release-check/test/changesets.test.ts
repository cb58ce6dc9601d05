import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { copyRepoForRelease, pendingChangesets, versionIn, writeChangeset } from '../src/repo-copy.js';
import { run } from '../src/run.js';
import { increment } from '../src/semver.js';
import { toolBin, workspacePackages } from '../src/workspace.js';

const current = Object.fromEntries(workspacePackages().map((pkg) => [pkg.name, pkg.version]));
const CLIENT = '@docspace-people/client';
const SDK = '@docspace-people/sdk';
const privateNames = workspacePackages()
  .filter((pkg) => pkg.private)
  .map((pkg) => pkg.name);
const copies: string[] = [];

/** A fresh copy of the repository with one changeset, versioned with `changeset version`. */
async function versionWith(bumps: Record<string, 'patch' | 'minor'>, summary: string): Promise<string> {
  const repo = copyRepoForRelease();
  copies.push(repo);
  writeChangeset(repo, 'a-change', bumps, summary);
  await run(join(toolBin, 'changeset'), ['version'], { cwd: repo });
  return repo;
}

/** The text of a package's CHANGELOG.md in a copy ('' when there is none). */
function changelog(repo: string, dir: string): string {
  const file = join(repo, dir, 'CHANGELOG.md');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

afterEach(() => {
  for (const repo of copies.splice(0)) rmSync(repo, { recursive: true, force: true });
});

describe('changeset version (on a temporary copy of the repository)', () => {
  it('a patch changeset bumps the patch version and writes the summary under "Patch Changes"', async () => {
    const repo = await versionWith({ [CLIENT]: 'patch' }, 'Dates in `EmployeeFullDto` are parsed as UTC.');
    const version = increment(current[CLIENT] ?? '', 'patch');
    expect(versionIn(repo, 'packages/client')).toBe(version);
    expect(changelog(repo, 'packages/client')).toContain(
      `## ${version}\n\n### Patch Changes\n\n- Dates in \`EmployeeFullDto\` are parsed as UTC.`,
    );
  });

  it('a patch of the client leaves the facade alone: its ^ range already accepts the new client', async () => {
    const repo = await versionWith({ [CLIENT]: 'patch' }, 'A fix.');
    expect(versionIn(repo, 'packages/sdk')).toBe(current[SDK]);
    expect(changelog(repo, 'packages/sdk')).toBe('');
  });

  it('a minor changeset (breaking, before 1.0) bumps the minor version under "Minor Changes"', async () => {
    const repo = await versionWith(
      { [CLIENT]: 'minor' },
      'Removed `EmployeeDto.title`: the server no longer sends it.',
    );
    const version = increment(current[CLIENT] ?? '', 'minor');
    expect(versionIn(repo, 'packages/client')).toBe(version);
    expect(changelog(repo, 'packages/client')).toContain(
      `## ${version}\n\n### Minor Changes\n\n- Removed \`EmployeeDto.title\`: the server no longer sends it.`,
    );
  });

  it('a minor of the client releases the facade too, with the new client in its changelog', async () => {
    const repo = await versionWith({ [CLIENT]: 'minor' }, 'A breaking change.');
    const sdkVersion = increment(current[SDK] ?? '', 'patch');
    expect(versionIn(repo, 'packages/sdk')).toBe(sdkVersion);
    expect(changelog(repo, 'packages/sdk')).toContain(
      `## ${sdkVersion}\n\n### Patch Changes\n\n- Updated dependencies\n  - ${CLIENT}@${increment(current[CLIENT] ?? '', 'minor')}`,
    );
  });

  it('consumes the changeset files it applied', async () => {
    const repo = await versionWith({ [SDK]: 'minor' }, 'A feature.');
    expect(pendingChangesets(repo)).toEqual([]);
  });
});

describe('changeset version and the private packages', () => {
  let repo = '';

  beforeAll(async () => {
    repo = copyRepoForRelease();
    writeChangeset(repo, 'a-change', { [CLIENT]: 'minor', [SDK]: 'minor' }, 'Everything changes.');
    await run(join(toolBin, 'changeset'), ['version'], { cwd: repo });
  });

  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it.each(privateNames)('leaves the private %s alone: no version bump, no changelog', (name) => {
    const dir = workspacePackages().find((pkg) => pkg.name === name)?.relativeDir ?? '';
    expect(versionIn(repo, dir)).toBe(current[name]);
    expect(changelog(repo, dir)).toBe('');
  });
});
