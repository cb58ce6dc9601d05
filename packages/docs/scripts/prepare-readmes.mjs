// Copies each documented package's README to <package>/.tmp/README.docs.md (gitignored) for TypeDoc, with
// relative links made absolute links to the repository: on the docs site they would otherwise point nowhere.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, posix, resolve } from 'node:path';
import config from '../typedoc.config.mjs';

const repository = 'https://github.com/docspace-people/docspace-people/blob/main';
/** The packages TypeDoc documents (`../sdk` -> `sdk`). */
const packages = (config.entryPoints ?? []).map((entryPoint) => basename(entryPoint));
const root = resolve(import.meta.dirname, '../..');

for (const name of packages) {
  const readme = readFileSync(join(root, name, 'README.md'), 'utf8');
  const linked = readme.replace(/\]\((?!https?:|#|mailto:)([^)\s]+)\)/g, (_, target) => {
    const path = posix.normalize(posix.join('packages', name, target));
    return `](${repository}/${path})`;
  });
  mkdirSync(join(root, name, '.tmp'), { recursive: true });
  writeFileSync(join(root, name, '.tmp', 'README.docs.md'), linked);
}
