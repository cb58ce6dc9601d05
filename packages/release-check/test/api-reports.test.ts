import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeUnreleasedApiChanges, unreleasedApiChanges } from '../src/api-reports.js';
import { copyRepoForRelease, writeChangeset } from '../src/repo-copy.js';
import { workspaceRoot } from '../src/workspace.js';

const SDK = '@docspace-people/sdk';
const CLIENT = '@docspace-people/client';
const SDK_REPORT = 'packages/sdk/api/sdk.api.md';
const copies: string[] = [];

function git(repo: string, ...args: string[]): void {
  execFileSync('git', args, { cwd: repo, stdio: 'ignore' });
}

let released = '';

/** A copy of the repository as a git repository with everything committed, as after a release (made once). */
beforeAll(() => {
  released = copyRepoForRelease();
  writeFileSync(join(released, '.gitignore'), 'node_modules\ndist\n');
  git(released, 'init', '-q', '-b', 'main');
  git(released, 'add', '-A');
  commit(released, 'Release');
});

afterAll(() => rmSync(released, { recursive: true, force: true }));

function commit(repo: string, message: string): void {
  git(repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qam', message);
}

/** A fresh clone of the released copy, to change. */
function committedCopy(): string {
  const repo = join(mkdtempSync(join(tmpdir(), 'release-api-')), 'repo');
  copies.push(repo);
  git(released, 'clone', '-q', released, repo);
  return repo;
}

/** Changes the sdk's public API report, as `pnpm api:report` would after a signature change. */
function changeSdkReport(repo: string): void {
  appendFileSync(join(repo, SDK_REPORT), '\n// a new export\n');
}

afterEach(() => {
  for (const repo of copies.splice(0)) rmSync(join(repo, '..'), { recursive: true, force: true });
});

describe('release check: a changed public API report needs a changeset (on a temporary copy)', () => {
  it('passes when no report changed since the release', () => {
    expect(unreleasedApiChanges(committedCopy())).toEqual([]);
  });

  it('fails naming the package and its report when a report changed and no changeset names it', () => {
    const repo = committedCopy();
    changeSdkReport(repo);
    writeChangeset(repo, 'other', { [CLIENT]: 'patch' }, 'Another package.');
    const changes = unreleasedApiChanges(repo);
    expect(changes).toEqual([{ name: SDK, reports: [SDK_REPORT] }]);
    expect(describeUnreleasedApiChanges(changes)).toContain(`  - ${SDK}: ${SDK_REPORT}`);
    expect(describeUnreleasedApiChanges(changes)).toContain('Fix: pnpm changeset');
  });

  it('fails for a committed change too, and passes once a changeset names the package', () => {
    const repo = committedCopy();
    changeSdkReport(repo);
    commit(repo, 'Change the API');
    expect(unreleasedApiChanges(repo).map((change) => change.name)).toEqual([SDK]);
    writeChangeset(repo, 'sdk-change', { [SDK]: 'patch' }, 'A new export.');
    expect(unreleasedApiChanges(repo)).toEqual([]);
  });

  it('compares with the last release: after a version bump the changed report is the new baseline', () => {
    const repo = committedCopy();
    changeSdkReport(repo);
    const manifest = join(repo, 'packages/sdk/package.json');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace(/"version": "[^"]+"/, '"version": "9.9.9"'),
    );
    commit(repo, 'Release 9.9.9');
    expect(unreleasedApiChanges(repo)).toEqual([]);
  });
});

describe('release check on this repository', () => {
  it('every package whose public API report changed since its release has a pending changeset', () => {
    const changes = unreleasedApiChanges(workspaceRoot);
    expect(changes, describeUnreleasedApiChanges(changes)).toEqual([]);
  });
});
