import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, expect, it } from 'vitest';

// Every ```ts block of the README, extracted from the README itself (not a copy), type-checked against the built
// package in strict mode. A block preceded by `<!-- readme-examples: skip ... -->` is an outline, not code.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Inside the package, so that '@docspace-people/sdk' resolves to the built package as it does for a user.
const dir = join(root, '.tmp', 'readme-examples');

/** The variables the README's snippets use without defining them. */
const PRELUDE = `import type { DocSpace, Person } from '@docspace-people/sdk';
declare global {
  const ds: DocSpace;
  const me: Person;
  const token: string;
  const id: string;
  const userId: string;
  const ids: string[];
  const pendingIds: string[];
  const groupId: string;
  const bytes: Uint8Array;
  const fileInput: { files: [File] };
}
export {};
`;

/** The ```ts blocks of a markdown text, without the ones marked to skip. */
function codeBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  const fence = /(<!-- readme-examples: skip[^>]*-->\s*)?```ts\n([\s\S]*?)```/g;
  for (const match of markdown.matchAll(fence)) if (!match[1]) blocks.push(match[2] as string);
  return blocks;
}

afterAll(() => rm(dir, { recursive: true, force: true }));

it('every TypeScript sample of the README type-checks against the built package', async () => {
  const blocks = codeBlocks(await readFile(join(root, 'README.md'), 'utf8'));
  expect(blocks.length).toBeGreaterThanOrEqual(10);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'prelude.ts'), PRELUDE);
  const files = [join(dir, 'prelude.ts')];
  for (const [i, block] of blocks.entries()) {
    const file = join(dir, `block-${i + 1}.ts`);
    // Each block is a module of its own, so blocks may define the same names.
    await writeFile(file, `${block}\nexport {};\n`);
    files.push(file);
  }
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: ['node'],
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const problems = ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file
      ? `${d.file.fileName.slice(dir.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
      : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
  expect(problems).toEqual([]);
}, 60_000);
