/**
 * `pnpm generate:check`: fails when a committed generated file differs from what the generators produce now
 * (the curated spec from spec/upstream + spec/operations.yaml + spec/overlay.yaml, and the client's code from
 * the curated spec), and prints the command that fixes it. Writes nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generate } from '../packages/client/scripts/generate.js';
import { buildCuratedSpec, loadPinnedUpstream, serializeSpec } from './spec/build.js';
import { curatedFile, repoRoot } from './spec/paths.js';

const drifted: string[] = [];
const compare = (file: string, expected: string) => {
  const actual = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (actual !== expected) drifted.push(relative(repoRoot, file));
};

const spec = serializeSpec(buildCuratedSpec(loadPinnedUpstream().doc).spec);
compare(curatedFile, spec);
if (drifted.length) {
  console.error(`${drifted[0]} is out of date. Fix: pnpm spec:build && pnpm generate, then commit.`);
  process.exit(1);
}
const clientDir = join(repoRoot, 'packages', 'client');
for (const [file, text] of Object.entries(await generate())) compare(join(clientDir, file), text);
if (drifted.length) {
  console.error(
    `Generated files differ from the curated spec:\n${drifted.map((f) => `  - ${f}`).join('\n')}`,
  );
  console.error('Fix: pnpm generate, then commit.');
  process.exit(1);
}
console.log('Generated files are up to date (spec/openapi.json, packages/client generated code).');
