// @ts-check
import { OptionDefaults } from 'typedoc';

/** Set both for each package (conversion) and at the root (the merged project). */
const shared = {
  validation: { notExported: true, invalidLink: true, rewrittenLink: true, notDocumented: false },
  // No git remote is needed (a fresh clone or a CI checkout may have none): source links use the template below.
  disableGit: true,
  sourceLinkTemplate: 'https://github.com/docspace-people/docspace-people/blob/main/{path}#L{line}',
};

/**
 * The API reference of the published packages (`pnpm run docs` -> packages/docs/site). Every package is documented
 * from its package.json `exports`, mapped back to its sources by its tsconfig.build.json. Any warning fails the
 * build: an exported symbol without a doc comment, a broken {@link}, a referenced type that is not exported.
 * @type {Partial<import('typedoc').TypeDocOptions>}
 */
export default {
  name: 'DocSpace People SDK',
  entryPointStrategy: 'packages',
  entryPoints: ['../sdk', '../client', '../cli', '../testing'],
  packageOptions: {
    tsconfig: 'tsconfig.build.json',
    // openapi-typescript writes `@description` in the generated client types.
    blockTags: [...OptionDefaults.blockTags, '@description'],
    // Each package's README as its main page, with relative links made absolute (scripts/prepare-readmes.mjs).
    readme: '.tmp/README.docs.md',
    // Source links' `{path}` (and "Defined in") start at the repository root, not at the package folder.
    displayBasePath: '../..',
    ...shared,
  },
  out: 'site',
  readme: 'README.md',
  highlightLanguages: [...OptionDefaults.highlightLanguages, 'csv'],
  // Missing doc comments are reported by plugins/require-docs.mjs (see there why not by TypeDoc's notDocumented).
  plugin: ['./plugins/require-docs.mjs'],
  treatWarningsAsErrors: true,
  treatValidationWarningsAsErrors: true,
  githubPages: false,
  ...shared,
};
