import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pendingChangesets } from './repo-copy.js';
import { publishablePackages } from './workspace.js';

/** A published package whose public API report changed with no pending changeset naming it. */
export interface UnreleasedApiChange {
  /** The npm name. */
  name: string;
  /** The changed reports, relative to the repository root (e.g. `packages/sdk/api/sdk.api.md`). */
  reports: string[];
}

/** Runs git in `repo`; undefined when it fails (no repository, unknown commit). */
function git(repo: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

/** The package names the pending changesets (`.changeset/*.md`) of `repo` name in their frontmatter. */
export function packagesInPendingChangesets(repo: string): Set<string> {
  const names = new Set<string>();
  for (const file of pendingChangesets(repo)) {
    const frontmatter =
      /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(repo, '.changeset', file), 'utf8'))?.[1] ?? '';
    for (const match of frontmatter.matchAll(/^\s*["']?([^"':\s]+)["']?\s*:/gm)) names.add(match[1] ?? '');
  }
  return names;
}

/**
 * The commit a report is compared with: the package's last release (the last commit that changed the `version`
 * line of its package.json, as `changeset version` does), or the commit that added the report if that came later.
 * Undefined when the report is not committed yet (it has nothing to be compared with).
 */
function baselineOf(repo: string, manifest: string, report: string): string | undefined {
  const added = git(repo, ['log', '--diff-filter=A', '--format=%H', '--', report])?.split('\n').at(-1);
  if (!added) return undefined;
  const released = git(repo, ['log', '-1', '--format=%H', '-G"version":', '--', manifest]);
  if (!released) return added;
  return git(repo, ['merge-base', '--is-ancestor', released, added]) === undefined ? released : added;
}

/**
 * Every published package of `repo` (a git work tree) whose API report (`api/*.api.md`, see packages/docs)
 * differs from its last release, or from when it was added, while no pending changeset names the package: the
 * public API changed and the release would not say so.
 */
export function unreleasedApiChanges(repo: string): UnreleasedApiChange[] {
  const named = packagesInPendingChangesets(repo);
  const found: UnreleasedApiChange[] = [];
  for (const pkg of publishablePackages(repo)) {
    const folder = join(pkg.relativeDir, 'api');
    if (named.has(pkg.name) || !existsSync(join(repo, folder))) continue;
    const reports = readdirSync(join(repo, folder))
      .filter((file) => file.endsWith('.api.md'))
      .map((file) => `${folder}/${file}`)
      .filter((report) => {
        const baseline = baselineOf(repo, `${pkg.relativeDir}/package.json`, report);
        return baseline !== undefined && git(repo, ['diff', '--quiet', baseline, '--', report]) === undefined;
      });
    if (reports.length > 0) found.push({ name: pkg.name, reports });
  }
  return found;
}

/** The message for {@link unreleasedApiChanges}' findings: which reports changed and what to do. */
export function describeUnreleasedApiChanges(changes: readonly UnreleasedApiChange[]): string {
  return [
    'The public API changed, and no pending changeset names the package:',
    ...changes.map((change) => `  - ${change.name}: ${change.reports.join(', ')}`),
    'Fix: pnpm changeset (name each package above, minor if the change breaks users, else patch), then commit.',
  ].join('\n');
}
