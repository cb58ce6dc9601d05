/**
 * Generates the client's code from the curated spec (spec/openapi.json):
 * - src/generated/schema.gen.ts: types and enums, by openapi-typescript (with its header);
 * - openapi.json: a copy of the curated spec, shipped with the package.
 * `--out-dir <dir>` writes both under another directory (the drift check compares them with the committed files).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const specFile = join(packageDir, '..', '..', 'spec', 'openapi.json');

/** The text of src/generated/schema.gen.ts for a curated spec (spec:update and its tests generate in memory). */
export async function generateSchema(spec: unknown): Promise<string> {
  const ast = await openapiTS(spec as Parameters<typeof openapiTS>[0], {
    enum: true,
    exportType: true,
    alphabetize: false,
  });
  return COMMENT_HEADER + astToString(ast);
}

/** The files generation produces, relative to the package directory, with their contents. */
export async function generate(): Promise<Record<string, string>> {
  const specText = readFileSync(specFile, 'utf8');
  return {
    'src/generated/schema.gen.ts': await generateSchema(JSON.parse(specText)),
    'openapi.json': specText,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outIndex = process.argv.indexOf('--out-dir');
  const outDir = outIndex > 0 ? (process.argv[outIndex + 1] ?? packageDir) : packageDir;
  for (const [file, text] of Object.entries(await generate())) {
    const target = join(outDir, file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    console.log(`wrote ${target}`);
  }
}
