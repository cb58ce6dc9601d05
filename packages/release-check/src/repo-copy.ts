import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { workspacePackages, workspaceRoot } from './workspace.js';

/** Root files a release needs: the workspace definition, the license and the changesets configuration. */
const ROOT_FILES = [
  'package.json',
  'pnpm-workspace.yaml',
  'LICENSE',
  '.changeset/config.json',
  '.changeset/README.md',
];

/** The manifest fields that may hold `workspace:` specifiers (`pnpm pack` resolves them all). */
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/**
 * Copies what a release touches into a new temporary folder, so that `changeset version` and `pnpm pack` can run
 * there without changing the real repository: the root manifests and changesets configuration (without pending
 * changesets), every package's package.json, and the whole folder (built `dist/` included, `node_modules` excluded)
 * of each publishable package. Tools are found through a `node_modules` link to the workspace's, and each
 * package's `workspace:` dependencies are linked to the copies, as `pnpm install` would do. Returns the copy's root.
 */
export function copyRepoForRelease(root = workspaceRoot): string {
  const copy = mkdtempSync(join(tmpdir(), 'release-repo-'));
  for (const file of ROOT_FILES) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(root, file), join(copy, file));
  }
  const packages = workspacePackages(root);
  for (const pkg of packages) {
    const target = join(copy, pkg.relativeDir);
    if (pkg.private) {
      mkdirSync(target, { recursive: true });
      cpSync(join(pkg.dir, 'package.json'), join(target, 'package.json'));
    } else {
      cpSync(pkg.dir, target, {
        recursive: true,
        filter: (source) => !relative(pkg.dir, source).split('/').includes('node_modules'),
      });
    }
  }
  for (const pkg of packages) {
    const dependencies = DEPENDENCY_FIELDS.flatMap((field) =>
      Object.entries((pkg.manifest[field] ?? {}) as Record<string, string>),
    );
    for (const [name, spec] of dependencies) {
      const dependency = packages.find((candidate) => candidate.name === name);
      if (
        !spec.startsWith('workspace:') ||
        !dependency ||
        existsSync(join(copy, pkg.relativeDir, 'node_modules', name))
      )
        continue;
      const link = join(copy, pkg.relativeDir, 'node_modules', name);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(relative(dirname(link), join(copy, dependency.relativeDir)), link);
    }
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
  return copy;
}

/** The bump a changeset asks for. */
export type Bump = 'patch' | 'minor' | 'major';

/** Writes a changeset file (`.changeset/<id>.md`) into a repository copy. */
export function writeChangeset(repo: string, id: string, bumps: Record<string, Bump>, summary: string): void {
  const header = Object.entries(bumps)
    .map(([name, bump]) => `'${name}': ${bump}`)
    .join('\n');
  writeFileSync(join(repo, '.changeset', `${id}.md`), `---\n${header}\n---\n\n${summary}\n`);
}

/** The version of a package in a repository copy. */
export function versionIn(repo: string, relativeDir: string): string {
  return JSON.parse(readFileSync(join(repo, relativeDir, 'package.json'), 'utf8')).version;
}

/** The pending changeset files of a repository copy. */
export function pendingChangesets(repo: string): string[] {
  return readdirSync(join(repo, '.changeset')).filter((file) => file.endsWith('.md') && file !== 'README.md');
}
