import { join } from 'node:path';
import { run } from './run.js';

/** A package packed into a tarball, as it would be uploaded to a registry. */
export interface PackedPackage {
  /** The npm name. */
  name: string;
  /** The version in the tarball's manifest. */
  version: string;
  /** Absolute path of the `.tgz`. */
  tarball: string;
  /** The manifest inside the tarball (after pnpm replaced `workspace:` and `catalog:` specifiers). */
  manifest: Record<string, unknown>;
  /** Paths of the files in the tarball, relative to the package root. */
  files: string[];
}

/** Packs the package in `dir` with `pnpm pack` into `destination` and reads back what the tarball holds. */
export async function packPackage(dir: string, destination: string): Promise<PackedPackage> {
  const { stdout } = await run('pnpm', ['pack', '--pack-destination', destination, '--json'], { cwd: dir });
  const report = JSON.parse(stdout) as { name: string; version: string; filename: string };
  const tarball = report.filename.startsWith('/') ? report.filename : join(destination, report.filename);
  const listing = await run('tar', ['-tzf', tarball], { cwd: destination });
  const files = listing.stdout
    .split('\n')
    .filter(Boolean)
    .map((path) => path.replace(/^package\//, ''));
  const manifestText = await run('tar', ['-xOzf', tarball, 'package/package.json'], { cwd: destination });
  return {
    name: report.name,
    version: report.version,
    tarball,
    manifest: JSON.parse(manifestText.stdout),
    files,
  };
}

/** Packs several packages into one folder, in order. */
export async function packPackages(dirs: readonly string[], destination: string): Promise<PackedPackage[]> {
  const packed: PackedPackage[] = [];
  for (const dir of dirs) packed.push(await packPackage(dir, destination));
  return packed;
}
