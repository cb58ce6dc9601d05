/**
 * `pnpm spec:update <path-or-url> [--check] [--commit <sha>] [--tag <tag>] [--date <YYYY-MM-DD>]
 *  [--repository <url>] [--path <path>] [--verbose] [--root <dir>] [--facade <dir>]`: pins a new upstream DocSpace People document, rebuilds the
 * curated spec, regenerates the client, reports the classified changes and writes changesets (spec/UPDATING.md).
 * Exit code 1 when a correction or a selected operation no longer applies (nothing written) or when the facade
 * (packages/sdk) no longer compiles against the new client (the report lists the functions to fix), 2 on bad usage.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SpecBuildError } from './spec/build.js';
import { repoRoot } from './spec/paths.js';
import { facadeSources } from './spec-update/facade.js';
import { formatUpdateReport } from './spec-update/format-update-report.js';
import { ProvenanceError } from './spec-update/provenance.js';
import { UpstreamReadError } from './spec-update/read-upstream.js';
import { updateSpec } from './spec-update/update-spec.js';

const USAGE =
  'usage: pnpm spec:update <path-or-url> [--check] [--commit <sha>] [--tag <tag>] [--date <YYYY-MM-DD>] [--repository <url>] [--path <path>] [--verbose] [--root <repository dir>] [--facade <repository dir whose packages/sdk is checked, default: --root>]';

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      check: { type: 'boolean' },
      verbose: { type: 'boolean' },
      commit: { type: 'string' },
      tag: { type: 'string' },
      date: { type: 'string' },
      repository: { type: 'string' },
      path: { type: 'string' },
      root: { type: 'string' },
      facade: { type: 'string' },
    },
  });
}
try {
  parsed = parse();
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
const [source] = positionals;
if (source === undefined || positionals.length > 1) {
  console.error(USAGE);
  process.exit(2);
}
const { check = false, verbose = false, commit, tag, date, repository, path, root = repoRoot } = values;
const provenance = Object.fromEntries(
  Object.entries({ commit, tag, date, repository, path }).filter(([, v]) => v !== undefined),
);
try {
  // pnpm runs root scripts in the repository root; INIT_CWD is where the user typed the command.
  const result = await updateSpec({
    root: resolve(root),
    source,
    cwd: process.env.INIT_CWD ?? process.cwd(),
    check,
    provenance,
    facade: facadeSources(resolve(values.facade ?? root)),
  });
  console.log(formatUpdateReport(result, { check, verbose }));
  process.exit(result.ok && (result.facade?.errors.length ?? 0) === 0 ? 0 : 1);
} catch (error) {
  if (error instanceof SpecBuildError) {
    console.error(`spec:update: ${error.message}`);
    process.exit(1);
  }
  if (error instanceof UpstreamReadError || error instanceof ProvenanceError) {
    console.error(`spec:update: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
