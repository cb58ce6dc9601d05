/**
 * `pnpm spec:build`: builds spec/openapi.json from the pinned upstream document, spec/operations.yaml and the
 * corrections in spec/overlay.yaml. `--check` writes nothing and fails when the committed spec is out of date.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { buildCuratedSpec, loadPinnedUpstream, SpecBuildError, serializeSpec } from './spec/build.js';
import { curatedFile, repoRoot } from './spec/paths.js';

const check = process.argv.includes('--check');
try {
  const { doc } = loadPinnedUpstream();
  const text = serializeSpec(buildCuratedSpec(doc).spec);
  const current = existsSync(curatedFile) ? readFileSync(curatedFile, 'utf8') : '';
  const file = relative(repoRoot, curatedFile);
  if (check) {
    if (current !== text) {
      console.error(`${file} is out of date with spec/upstream, spec/operations.yaml and spec/overlay.yaml.`);
      console.error('Run `pnpm spec:build` and commit the result.');
      process.exit(1);
    }
    console.log(`${file} is up to date.`);
  } else {
    writeFileSync(curatedFile, text);
    console.log(current === text ? `${file} unchanged.` : `${file} written.`);
  }
} catch (error) {
  if (error instanceof SpecBuildError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
