import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The monorepo's root directory (this package lives in `packages/release-check`). */
export const workspaceRoot = resolve(import.meta.dirname, '../../..');

/** The `node_modules/.bin` of this package, where its tools (attw, changeset, verdaccio, tsc) are. */
export const toolBin = resolve(import.meta.dirname, '../node_modules/.bin');

/** What the release checks need to know about one workspace package. */
export interface WorkspacePackage {
  /** The npm name, e.g. `@docspace-people/sdk`. */
  name: string;
  /** Its version in the workspace. */
  version: string;
  /** Absolute path of its folder. */
  dir: string;
  /** Its folder relative to the root, e.g. `packages/sdk`. */
  relativeDir: string;
  /** `false` for packages that are published. */
  private: boolean;
  /** The parsed package.json. */
  manifest: Record<string, unknown>;
}

/** Every package under `packages/` that has a package.json. */
export function workspacePackages(root = workspaceRoot): WorkspacePackage[] {
  const packages: WorkspacePackage[] = [];
  for (const entry of readdirSync(join(root, 'packages'), { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const relativeDir = `packages/${entry.name}`;
    let manifest: Record<string, unknown>;
    try {
      manifest = JSON.parse(readFileSync(join(root, relativeDir, 'package.json'), 'utf8'));
    } catch {
      continue;
    }
    packages.push({
      name: String(manifest.name),
      version: String(manifest.version),
      dir: join(root, relativeDir),
      relativeDir,
      private: manifest.private === true,
      manifest,
    });
  }
  return packages.sort((a, b) => a.name.localeCompare(b.name));
}

/** The packages that get published to npm (not `private`). */
export function publishablePackages(root = workspaceRoot): WorkspacePackage[] {
  return workspacePackages(root).filter((pkg) => !pkg.private);
}
