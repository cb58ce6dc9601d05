import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { applyOverlay, type Overlay, type UnappliedAction } from './overlay.js';
import { operationsFile, overlayFile, sourceFile, upstreamDir } from './paths.js';

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/** The operations to keep: tag name -> upstream operationIds. */
export type Selection = Record<string, string[]>;

/** Provenance of the pinned upstream document (spec/upstream/source.json). */
export interface UpstreamSource {
  repository: string;
  tag?: string;
  commit: string;
  path: string;
  date: string;
  infoVersion?: string;
  file: string;
  sha256: string;
  [key: string]: unknown;
}

/** The build cannot produce a curated spec that says what it should; `problems` lists why. */
export class SpecBuildError extends Error {
  constructor(readonly problems: string[]) {
    super(`The curated spec cannot be built:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'SpecBuildError';
  }
}

/** Options of {@link buildCuratedSpec}. */
export interface BuildOptions {
  /** The overlay with our corrections; defaults to spec/overlay.yaml. */
  overlay?: Overlay;
  /** The operations to keep; defaults to spec/operations.yaml. */
  selection?: Selection;
  /** Return corrections that no longer apply instead of throwing (used by `spec:update` to report them). */
  allowUnapplied?: boolean;
}

/** Result of {@link buildCuratedSpec}. */
export interface BuildResult {
  spec: Json;
  /** Corrections whose target matched nothing (always empty unless `allowUnapplied`). */
  unapplied: UnappliedAction[];
}

export const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** Reads spec/upstream/source.json and the pinned document, refusing a file whose sha256 differs. */
export function loadPinnedUpstream(dir: string = upstreamDir): { doc: Json; source: UpstreamSource } {
  const source = JSON.parse(
    readFileSync(dir === upstreamDir ? sourceFile : join(dir, 'source.json'), 'utf8'),
  );
  const raw = readFileSync(join(dir, source.file));
  const actual = sha256(raw);
  if (actual !== source.sha256) {
    throw new SpecBuildError([
      `spec/upstream/${source.file} has sha256 ${actual}, but source.json pins ${source.sha256}. ` +
        'Pin a new upstream with `pnpm spec:update <file-or-url>` instead of editing the copy.',
    ]);
  }
  return { doc: JSON.parse(raw.toString('utf8')), source };
}

/** Reads spec/overlay.yaml. */
export const loadOverlay = (file: string = overlayFile): Overlay => parse(readFileSync(file, 'utf8'));
/** Reads spec/operations.yaml. */
export const loadSelection = (file: string = operationsFile): Selection => parse(readFileSync(file, 'utf8'));

/**
 * Builds the curated spec from an upstream People document: keeps the selected operations (tagged by group),
 * applies the overlay's corrections, then keeps only the components the result still reaches.
 * Pure: `upstream` is not modified. Throws {@link SpecBuildError} when an operation or a correction target is missing.
 */
export function buildCuratedSpec(upstream: unknown, options: BuildOptions = {}): BuildResult {
  const selection = options.selection ?? loadSelection();
  const overlay = options.overlay ?? loadOverlay();
  const doc = structuredClone(upstream) as Json;
  const problems = selectOperations(doc, selection);
  if (problems.length) throw new SpecBuildError(problems);
  const unapplied = applyOverlay(doc, overlay);
  if (unapplied.length && !options.allowUnapplied) {
    throw new SpecBuildError(
      unapplied.map(
        (action) =>
          `correction #${action.index} "${action.description}" no longer applies: its target ${action.target} matches nothing upstream`,
      ),
    );
  }
  pruneComponents(doc);
  return { spec: doc, unapplied };
}

/** Serializes a spec exactly as it is committed (stable, byte-identical for the same input). */
export const serializeSpec = (spec: unknown): string => `${JSON.stringify(spec, null, 2)}\n`;

function selectOperations(doc: Json, selection: Selection): string[] {
  const wanted = new Map<string, string>();
  for (const [tag, ids] of Object.entries(selection)) for (const id of ids) wanted.set(id, tag);
  const found = new Set<string>();
  const paths = (doc.paths ?? {}) as Record<string, Json>;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const operation = item[method] as Json | undefined;
      if (!operation) continue;
      const tag = wanted.get(String(operation.operationId));
      if (tag === undefined) delete item[method];
      else {
        operation.tags = [tag];
        found.add(String(operation.operationId));
      }
    }
    if (!METHODS.some((method) => item[method])) delete paths[path];
  }
  doc.tags = Object.keys(selection).map((name) => ({ name }));
  delete doc['x-tagGroups'];
  return [...wanted.keys()]
    .filter((id) => !found.has(id))
    .map((id) => `operation ${id} (spec/operations.yaml) does not exist upstream`);
}

function collectRefs(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) for (const item of node) collectRefs(item, into);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') into.add(value);
      else collectRefs(value, into);
    }
  }
}

/** Drops every component that the paths no longer reach (transitively), and unused security schemes. */
function pruneComponents(doc: Json): void {
  const components = (doc.components ?? {}) as Record<string, Json>;
  const reached = new Set<string>();
  const queue: string[] = [];
  const visit = (node: unknown) => {
    const refs = new Set<string>();
    collectRefs(node, refs);
    for (const ref of refs) {
      if (reached.has(ref)) continue;
      reached.add(ref);
      queue.push(ref);
    }
  };
  visit(doc.paths);
  while (queue.length) {
    const [, , section, name] = (queue.pop() as string).split('/');
    if (section && name) visit(components[section]?.[name]);
  }
  const usedSchemes = new Set<string>();
  const noteSecurity = (requirements: unknown) => {
    if (Array.isArray(requirements))
      for (const r of requirements) for (const k of Object.keys(r)) usedSchemes.add(k);
  };
  noteSecurity(doc.security);
  for (const item of Object.values((doc.paths ?? {}) as Record<string, Json>)) {
    for (const method of METHODS) noteSecurity((item[method] as Json | undefined)?.security);
  }
  for (const [section, entries] of Object.entries(components)) {
    for (const name of Object.keys(entries)) {
      const keep =
        section === 'securitySchemes'
          ? usedSchemes.has(name)
          : reached.has(`#/components/${section}/${name}`);
      if (!keep) delete entries[name];
    }
    if (Object.keys(entries).length === 0) delete components[section];
  }
}
