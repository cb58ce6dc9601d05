import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generateSchema } from '../../packages/client/scripts/generate.js';
import {
  buildCuratedSpec,
  loadOverlay,
  loadPinnedUpstream,
  loadSelection,
  type Selection,
  serializeSpec,
  type UpstreamSource,
} from '../spec/build.js';
import {
  type BumpLevel,
  type Change,
  diffSpecs,
  type OperationRef,
  overallKind,
} from '../spec-diff/index.js';
import { bumpFor, CLIENT_PACKAGE, clientChangeset, SDK_PACKAGE, sdkChangeset } from './changeset.js';
import {
  checkFacade,
  type FacadeError,
  type FacadeSources,
  type FacadeUsage,
  facadeSources,
} from './facade.js';
import { type FacadeImpact, facadeImpact } from './facade-impact.js';
import { type GenerateClient, generateWithPnpm } from './generate-client.js';
import { describeSource, nextSource, type ProvenanceFlags } from './provenance.js';
import { type IncomingUpstream, readUpstream } from './read-upstream.js';
import { repoFiles } from './repo-files.js';

/** Options of {@link updateSpec}. */
export interface UpdateOptions {
  /** Repository root to read and write (tests pass a temporary copy). */
  readonly root: string;
  /** The new upstream People document: a file path or an http(s) URL. */
  readonly source: string;
  /** Directory a relative `source` is resolved against (default: the current directory). */
  readonly cwd?: string;
  /** Report only: write nothing, run nothing. */
  readonly check?: boolean;
  /** Provenance of the new document (`--commit`, `--tag`, `--date`, ...). */
  readonly provenance?: ProvenanceFlags;
  /** The fetch used for URLs (default: the global one). */
  readonly fetch?: typeof fetch;
  /** Regenerates the client (default: `pnpm --filter @docspace-people/client generate`). */
  readonly generate?: GenerateClient;
  /** The facade to analyse and type-check against the new client (default: packages/sdk and packages/client of root). */
  readonly facade?: FacadeSources;
}

/** What the update means for the facade (packages/sdk), found from its code. */
export interface FacadeResult {
  /** The operations and schemas each facade function uses. */
  readonly usage: FacadeUsage;
  /** The changes under facade functions, and their worst kind. */
  readonly impact: FacadeImpact;
  /** The facade's compile errors against the new client (empty: it compiles). */
  readonly errors: readonly FacadeError[];
}

/** Something a human must fix before the new upstream can be pinned. */
export interface UpdateProblem {
  /** `missing-operation`: spec/operations.yaml names an operationId the new document lacks;
   * `unapplied-correction`: a spec/overlay.yaml action whose target matches nothing in it. */
  readonly kind: 'missing-operation' | 'unapplied-correction';
  /** What is wrong and, when known, what to do. */
  readonly message: string;
}

/** A package version bump the update decided on. */
export interface PackageBump {
  /** Package name. */
  readonly name: string;
  /** The bump. */
  readonly bump: BumpLevel;
  /** The changeset file written (or that would be written), relative to the root. */
  readonly file: string;
  /** The changeset's text. */
  readonly text: string;
}

/** What {@link updateSpec} found and did. */
export interface UpdateResult {
  /** False when a human must fix corrections or the operation list first; nothing was written then. */
  readonly ok: boolean;
  /** Old pinned upstream, described. */
  readonly from: string;
  /** New upstream, described. */
  readonly to: string;
  /** Classified differences between the committed curated spec and the new one. */
  readonly changes: Change[];
  /** Classified differences between the pinned upstream document and the new one. */
  readonly upstreamChanges: Change[];
  /** Operations the new upstream document added that spec/operations.yaml does not select (candidates to add). */
  readonly unselected: OperationRef[];
  /** What blocks the update (empty when ok). */
  readonly problems: UpdateProblem[];
  /** The changesets, one per affected package. */
  readonly bumps: PackageBump[];
  /** Files written, relative to the root (empty with `check` or when not ok). */
  readonly written: string[];
  /** With `check`: why writing would fail although the report is fine (missing provenance flags). */
  readonly notes: string[];
  /** The facade's side of the update, when the curated spec changed. */
  readonly facade?: FacadeResult;
}

function operationIds(doc: unknown): Set<string> {
  const ids = new Set<string>();
  const paths = (doc as { paths?: Record<string, Record<string, { operationId?: unknown }>> }).paths ?? {};
  for (const item of Object.values(paths)) {
    for (const operation of Object.values(item ?? {})) {
      if (typeof operation?.operationId === 'string') ids.add(operation.operationId);
    }
  }
  return ids;
}

/** Explains a selected operationId the new document lacks, using what the upstream diff says happened to it. */
function missingOperation(id: string, upstreamChanges: readonly Change[]): UpdateProblem {
  const renamed = upstreamChanges.find((c) => c.code === 'operationId-renamed' && c.before === id);
  const removed = upstreamChanges.find(
    (c) => c.code === 'operation-removed' && c.location.operation?.operationId === id,
  );
  let hint = 'it is not in the new document';
  if (renamed?.location.operation) {
    const { method, path } = renamed.location.operation;
    hint = `upstream renamed it to ${String(renamed.after)} (${method} ${path}): rename it in spec/operations.yaml`;
  } else if (removed?.location.operation) {
    const { method, path } = removed.location.operation;
    hint = `upstream removed it (${method} ${path}): drop it from spec/operations.yaml (and its contract test)`;
  }
  return { kind: 'missing-operation', message: `operation ${id} (spec/operations.yaml): ${hint}.` };
}

function changesetBase(incoming: IncomingUpstream): string {
  return `people-api-${incoming.infoVersion.replace(/[^0-9A-Za-z.-]/g, '-')}-${incoming.sha256.slice(0, 8)}`;
}

/**
 * `pnpm spec:update`: pins a new upstream People document, rebuilds the curated spec with our corrections,
 * regenerates the client, classifies what changed in the curated spec, and writes a changeset per affected
 * package. When a correction no longer applies or a selected operation is gone, nothing is written and the
 * problems are returned. With `check`, nothing is written in any case.
 */
export async function updateSpec(options: UpdateOptions): Promise<UpdateResult> {
  const files = repoFiles(options.root);
  const incoming = await readUpstream(options.source, {
    cwd: options.cwd ?? process.cwd(),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const pinned = loadPinnedUpstream(files.upstreamDir);
  const overlay = loadOverlay(files.overlayFile);
  const selection = loadSelection(files.operationsFile);
  const upstreamChanges = diffSpecs(pinned.doc, incoming.doc);
  const from = describeSource(pinned.source);
  const to = describeSource({
    ...options.provenance,
    ...incoming.fromUrl,
    infoVersion: incoming.infoVersion,
  });
  const selected = new Set(Object.values(selection).flat());
  const unselected = upstreamChanges
    .filter((c) => c.code === 'operation-added' && !selected.has(c.location.operation?.operationId ?? ''))
    .flatMap((c) => (c.location.operation ? [c.location.operation] : []));
  const base = { from, to, upstreamChanges, unselected };

  // Everything that blocks the update, in one go: missing operations, then corrections that match nothing.
  const available = operationIds(incoming.doc);
  const missing = Object.values(selection)
    .flat()
    .filter((id) => !available.has(id));
  const reachable: Selection = Object.fromEntries(
    Object.entries(selection).map(([tag, ids]) => [tag, ids.filter((id) => available.has(id))]),
  );
  const built = buildCuratedSpec(incoming.doc, { overlay, selection: reachable, allowUnapplied: true });
  const problems: UpdateProblem[] = [
    ...missing.map((id) => missingOperation(id, upstreamChanges)),
    ...built.unapplied.map((action) => ({
      kind: 'unapplied-correction' as const,
      message: `correction #${action.index} "${action.description}" no longer applies: its target ${action.target} matches nothing in the new document; fix or remove it in spec/overlay.yaml.`,
    })),
  ];
  if (problems.length > 0) {
    return { ok: false, ...base, changes: [], problems, bumps: [], written: [], notes: [] };
  }

  if (!existsSync(files.curatedFile))
    throw new Error(`${files.curatedFile} is missing: run pnpm spec:build first`);
  const before: unknown = JSON.parse(readFileSync(files.curatedFile, 'utf8'));
  const changes = diffSpecs(before, built.spec);
  const kind = overallKind(changes);
  const bumps: PackageBump[] = [];
  let facade: FacadeResult | undefined;
  if (kind !== undefined) {
    // The facade against the new types, generated in memory (as `pnpm generate` will write them).
    const sources = options.facade ?? facadeSources(options.root);
    const { usage, errors } = checkFacade(sources, await generateSchema(built.spec));
    facade = { usage, errors, impact: facadeImpact(changes, usage, [before, built.spec]) };
    const context = { from, to };
    const clientVersion = String(
      JSON.parse(readFileSync(files.clientPackageFile, 'utf8')).version ?? '0.0.0',
    );
    const clientBump = bumpFor(kind, clientVersion);
    const name = changesetBase(incoming);
    bumps.push({
      name: CLIENT_PACKAGE,
      bump: clientBump,
      file: `.changeset/${name}-client.md`,
      text: clientChangeset(changes, clientBump, context),
    });
    // The facade's bump is that of the changes under its functions (or of its compile errors); it also needs a
    // release when the client's new version leaves its `^` range (a breaking change of the client).
    const sdkVersion = String(JSON.parse(readFileSync(files.sdkPackageFile, 'utf8')).version ?? '0.0.0');
    const sdkKind =
      facade.errors.length > 0 || facade.impact.kind === 'breaking'
        ? 'breaking'
        : facade.impact.kind === 'feature' || kind === 'breaking'
          ? 'feature'
          : undefined;
    if (sdkKind !== undefined) {
      const sdkBump = sdkKind === 'breaking' ? bumpFor('breaking', sdkVersion) : 'patch';
      bumps.push({
        name: SDK_PACKAGE,
        bump: sdkBump,
        file: `.changeset/${name}-sdk.md`,
        text: sdkChangeset(changes, facade.impact, facade.usage, sdkBump, context),
      });
    }
  }

  const found = { ok: true, ...base, changes, problems, bumps, ...(facade ? { facade } : {}) };
  let source: UpstreamSource;
  try {
    source = nextSource(pinned.source, incoming, options.provenance ?? {});
  } catch (error) {
    if (!options.check) throw error;
    return { ...found, written: [], notes: [`writing would fail: ${(error as Error).message}`] };
  }
  if (options.check) return { ...found, to: describeSource(source), written: [], notes: [] };

  const written: string[] = [];
  const write = (file: string, data: string | Buffer): void => {
    writeFileSync(file, data);
    written.push(relative(options.root, file));
  };
  write(join(files.upstreamDir, source.file), incoming.bytes);
  write(files.sourceFile, `${JSON.stringify(source, null, 2)}\n`);
  write(files.curatedFile, serializeSpec(built.spec));
  mkdirSync(files.changesetDir, { recursive: true });
  for (const bump of bumps) write(join(options.root, bump.file), bump.text);
  try {
    written.push(...(await (options.generate ?? generateWithPnpm)(options.root)));
  } catch (error) {
    throw new Error(
      `wrote ${written.join(', ')} but regenerating the client failed: run \`pnpm generate\` and fix the cause. ${(error as Error).message}`,
    );
  }
  return { ...found, to: describeSource(source), written, notes: [] };
}
