/** Fixtures and temporary repositories for the spec-diff and spec:update tests (never the real repo's files). */
import { createHash } from 'node:crypto';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { generateSchema } from '../../packages/client/scripts/generate.js';
import {
  buildCuratedSpec,
  loadOverlay,
  loadSelection,
  type Selection,
  serializeSpec,
} from '../../scripts/spec/build.js';
import { operationsFile, overlayFile, repoRoot } from '../../scripts/spec/paths.js';
import { type FacadeSources, facadeSources } from '../../scripts/spec-update/facade.js';
import type { GenerateClient } from '../../scripts/spec-update/generate-client.js';

const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'upstream');

/**
 * The repository's own facade (packages/sdk) and client sources: spec:update type-checks the facade against the
 * types generated for the temporary repository's new spec (in memory; nothing is written here).
 */
export const FACADE: FacadeSources = facadeSources(repoRoot);

/** The two real upstream versions kept as fixtures (see fixtures/upstream/provenance.json). */
export type UpstreamVersion = '2026-02-03' | '3.7.2';

/** Provenance of each fixture, as recorded next to them. */
export const provenance = JSON.parse(readFileSync(join(fixturesDir, 'provenance.json'), 'utf8')) as {
  repository: string;
  path: string;
  versions: Array<{
    file: string;
    commit: string;
    tag?: string;
    date: string;
    infoVersion: string;
    sha256: string;
  }>;
};

/** Absolute path of a fixture document. */
export const fixtureFile = (version: UpstreamVersion): string =>
  join(fixturesDir, version, 'people_2.0.json');

/** A fixture document, parsed (a fresh copy each call). */
export const readFixture = (version: UpstreamVersion): Record<string, unknown> =>
  JSON.parse(readFileSync(fixtureFile(version), 'utf8'));

/** The provenance record of one fixture. */
export function fixtureProvenance(version: UpstreamVersion) {
  const found = provenance.versions.find((v) => v.file.startsWith(`${version}/`));
  if (!found) throw new Error(`no provenance for ${version}`);
  return found;
}

/** The repository's operation selection (spec/operations.yaml), read-only. */
export const currentSelection = (): Selection => loadSelection(operationsFile);

/**
 * The selection as it would have been written against the 2026-02-03 document: the operation upstream later
 * renamed under its old name, and GET /people/exists (which did not exist yet) left out.
 */
export function selectionFor20260203(): Selection {
  return Object.fromEntries(
    Object.entries(currentSelection()).map(([tag, ids]) => [
      tag,
      ids
        .filter((id) => id !== 'checkUserExistsByEmail')
        .map((id) => (id === 'startUserTypeUpdate' ? 'starUserTypetUpdate' : id)),
    ]),
  );
}

/**
 * The curated spec built from the 2026-02-03 document with today's corrections, leaving out the ones that
 * only fit 3.7 (they are returned as `unapplied`).
 */
export function curatedFrom20260203() {
  return buildCuratedSpec(readFixture('2026-02-03'), {
    overlay: loadOverlay(overlayFile),
    selection: selectionFor20260203(),
    allowUnapplied: true,
  });
}

/** What a temporary repository starts with. */
export interface RepoSetup {
  /** The pinned upstream version. */
  readonly pinned: UpstreamVersion;
  /** spec/operations.yaml (default: the repository's). */
  readonly selection?: Selection;
  /** spec/openapi.json (default: built from the pinned version with the repository's corrections). */
  readonly curated?: unknown;
  /** Corrections appended to the repository's overlay. */
  readonly extraCorrections?: ReadonlyArray<Record<string, unknown>>;
  /** packages/client version (default 0.1.0). */
  readonly clientVersion?: string;
}

/** A temporary copy of the files spec:update reads and writes, removed by `dispose`. */
export interface TempRepo {
  /** Its root directory. */
  readonly root: string;
  /** Every file under the root with its sha256 (to prove nothing was written). */
  snapshot(): Record<string, string>;
  /** Reads a file relative to the root. */
  read(file: string): string;
  /** Removes the directory. */
  dispose(): void;
}

/** Creates a temporary repository with a pinned upstream fixture, the overlay, a selection and a curated spec. */
export function makeRepo(setup: RepoSetup): TempRepo {
  const root = mkdtempSync(join(tmpdir(), 'spec-update-'));
  const meta = fixtureProvenance(setup.pinned);
  const selection = setup.selection ?? currentSelection();
  const put = (file: string, text: string | Buffer) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  cpSync(fixtureFile(setup.pinned), join(root, 'spec', 'upstream', 'people_2.0.json'), { recursive: true });
  put(
    'spec/upstream/source.json',
    `${JSON.stringify(
      {
        description: 'Pinned copy of the upstream DocSpace People OpenAPI document.',
        repository: provenance.repository,
        ...(meta.tag ? { tag: meta.tag } : {}),
        commit: meta.commit,
        path: provenance.path,
        date: meta.date,
        infoVersion: meta.infoVersion,
        file: 'people_2.0.json',
        sha256: meta.sha256,
      },
      null,
      2,
    )}\n`,
  );
  const overlay = loadOverlay(overlayFile);
  overlay.actions.push(...((setup.extraCorrections ?? []) as unknown as typeof overlay.actions));
  put('spec/overlay.yaml', stringify(overlay));
  put('spec/operations.yaml', stringify(selection));
  const curated =
    setup.curated ??
    buildCuratedSpec(readFixture(setup.pinned), {
      overlay,
      selection,
      allowUnapplied: true,
    }).spec;
  put('spec/openapi.json', serializeSpec(curated));
  put(
    'packages/client/package.json',
    `${JSON.stringify({ name: '@docspace-people/client', version: setup.clientVersion ?? '0.1.0' }, null, 2)}\n`,
  );
  put(
    'packages/sdk/package.json',
    `${JSON.stringify({ name: '@docspace-people/sdk', version: '0.1.0' }, null, 2)}\n`,
  );
  put('.changeset/config.json', '{}\n');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
  return {
    root,
    snapshot: () =>
      Object.fromEntries(
        files(root).map((f) => [
          relative(root, f),
          createHash('sha256').update(readFileSync(f)).digest('hex'),
        ]),
      ),
    read: (file) => readFileSync(join(root, file), 'utf8'),
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Provenance of the 3.7.2 fixture. */
export const V372 = fixtureProvenance('3.7.2');
/** Provenance flags of the 3.7.2 fixture, as a caller passes them. */
export const PROVENANCE_372 = { commit: V372.commit, tag: V372.tag ?? '', date: V372.date };

/** Generates the client's types from root/spec/openapi.json with openapi-typescript, as `pnpm generate` does. */
export const generateClient: GenerateClient = async (root) => {
  const spec = readFileSync(join(root, 'spec', 'openapi.json'), 'utf8');
  mkdirSync(join(root, 'packages', 'client', 'src', 'generated'), { recursive: true });
  writeFileSync(
    join(root, 'packages', 'client', 'src', 'generated', 'schema.gen.ts'),
    await generateSchema(JSON.parse(spec)),
  );
  writeFileSync(join(root, 'packages', 'client', 'openapi.json'), spec);
  return ['packages/client/src/generated/schema.gen.ts', 'packages/client/openapi.json'];
};

/** A generator that fails the test if the update tries to regenerate the client. */
export const mustNotGenerate: GenerateClient = async () => {
  throw new Error('the client must not be regenerated here');
};

/** A repository pinned to the 2026-02-03 document, its curated spec built with the corrections that applied then. */
export const repoAt20260203 = (clientVersion?: string): TempRepo =>
  makeRepo({
    pinned: '2026-02-03',
    curated: curatedFrom20260203().spec,
    ...(clientVersion ? { clientVersion } : {}),
  });

/** The repository's selection minus the operations the other selection lacks (so only corrections can fail). */
export function currentSelectionWithout(other: Record<string, string[]>) {
  const keep = new Set(Object.values(other).flat());
  return Object.fromEntries(
    Object.entries(currentSelection()).map(([tag, ids]) => [tag, ids.filter((id) => keep.has(id))]),
  );
}
