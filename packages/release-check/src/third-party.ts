import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from './run.js';

/** A third-party package as installed in the workspace. */
export interface InstalledPackage {
  /** The npm name. */
  name: string;
  /** The installed version. */
  version: string;
  /** The real path of its installed folder. */
  dir: string;
}

/** The folder Node would load `name` from when required in `fromDir` (looking up `node_modules` folders). */
function installedDir(fromDir: string, name: string): string {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) throw new Error(`${name} is not installed for ${fromDir}`);
  }
}

/** The `dependencies` of a manifest (what a consumer's npm installs with it). */
function runtimeDependencies(manifest: Record<string, unknown>): string[] {
  return Object.keys((manifest.dependencies ?? {}) as Record<string, string>);
}

/**
 * Every third-party package that `roots` need at run time, transitively, as installed in the workspace: what a
 * registry without uplinks must hold before a consumer can install the roots. Packages named in `own` (the ones
 * being published) are not followed.
 */
export function thirdPartyClosure(
  roots: readonly { dir: string; manifest: Record<string, unknown> }[],
  own: ReadonlySet<string>,
): InstalledPackage[] {
  const found = new Map<string, InstalledPackage>();
  const visit = (fromDir: string, manifest: Record<string, unknown>) => {
    for (const name of runtimeDependencies(manifest)) {
      if (own.has(name)) continue;
      const dir = installedDir(fromDir, name);
      const dependency = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      const key = `${name}@${String(dependency.version)}`;
      if (found.has(key)) continue;
      found.set(key, { name, version: String(dependency.version), dir });
      visit(dir, dependency);
    }
  };
  for (const root of roots) visit(root.dir, root.manifest);
  return [...found.values()];
}

/**
 * Packs an installed third-party package back into a tarball (without running its scripts); returns its path.
 * The package is copied first: pnpm hard-links identical files to one inode, which tar stores as hard-link entries
 * that npm drops on install (openapi-typescript-helpers would lose its `.d.mts`).
 */
export async function packInstalled(pkg: InstalledPackage, destination: string): Promise<string> {
  const copy = mkdtempSync(join(tmpdir(), 'release-third-party-'));
  try {
    cpSync(pkg.dir, copy, {
      recursive: true,
      filter: (source) => !source.includes('/node_modules/', pkg.dir.length),
    });
    const { stdout } = await run(
      'npm',
      ['pack', copy, '--pack-destination', destination, '--ignore-scripts', '--json'],
      {
        cwd: destination,
        env: { npm_config_cache: join(destination, '.npm-cache') },
      },
    );
    const [report] = JSON.parse(stdout) as { filename: string }[];
    if (!report) throw new Error(`npm pack printed no report for ${pkg.name}`);
    return join(destination, report.filename);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
