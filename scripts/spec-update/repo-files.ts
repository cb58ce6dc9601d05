import { join } from 'node:path';

/** The files spec:update reads and writes, inside a repository root (the real one or a test's copy). */
export interface RepoFiles {
  /** The repository root. */
  readonly root: string;
  /** spec/upstream (pinned document + source.json). */
  readonly upstreamDir: string;
  /** spec/upstream/source.json. */
  readonly sourceFile: string;
  /** spec/overlay.yaml. */
  readonly overlayFile: string;
  /** spec/operations.yaml. */
  readonly operationsFile: string;
  /** spec/openapi.json (the curated spec). */
  readonly curatedFile: string;
  /** .changeset/. */
  readonly changesetDir: string;
  /** packages/client/package.json. */
  readonly clientPackageFile: string;
  /** packages/sdk/package.json. */
  readonly sdkPackageFile: string;
}

/** Paths of the files spec:update works with under `root`. */
export function repoFiles(root: string): RepoFiles {
  const upstreamDir = join(root, 'spec', 'upstream');
  return {
    root,
    upstreamDir,
    sourceFile: join(upstreamDir, 'source.json'),
    overlayFile: join(root, 'spec', 'overlay.yaml'),
    operationsFile: join(root, 'spec', 'operations.yaml'),
    curatedFile: join(root, 'spec', 'openapi.json'),
    changesetDir: join(root, '.changeset'),
    clientPackageFile: join(root, 'packages', 'client', 'package.json'),
    sdkPackageFile: join(root, 'packages', 'sdk', 'package.json'),
  };
}
