// `tsx src/bundle-breakdown.ts [consumer]`: what each module adds to a consumer's gzipped bundle, measured by
// removing that module's code from the minified bundle and gzipping again. Consumer names: see bundle-size.ts
// (default 'facade functions'). A diagnostic for the README, not part of `pnpm bench`.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { type ConsumerName, consumers } from './bundle-size.js';

const name = (process.argv[2] ?? 'facade functions') as ConsumerName;
const source = consumers[name];
if (!source) throw new Error(`unknown consumer ${name}; one of: ${Object.keys(consumers).join(', ')}`);
const result = await build({
  stdin: { contents: source, resolveDir: fileURLToPath(new URL('..', import.meta.url)), loader: 'js' },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  write: false,
  logLevel: 'silent',
  metafile: true,
});
const code = Buffer.from(result.outputFiles[0]?.contents ?? []);
const gzipped = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).byteLength;
const total = gzipped(code);
process.stdout.write(`${name}: ${code.byteLength} B minified, ${total} B gzipped\n`);
// esbuild writes the modules in the metafile's order, each taking bytesInOutput bytes.
let offset = 0;
const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
  const without = Buffer.concat([code.subarray(0, offset), code.subarray(offset + bytesInOutput)]);
  const label = file
    .replace(/^.*\/(sdk|client)\/dist\//, '$1/')
    .replace(/^.*node_modules\/\.pnpm\/[^/]+\//, '');
  process.stdout.write(
    `${label.padEnd(40)} ${String(bytesInOutput).padStart(6)} B  ${total - gzipped(without)} B gz\n`,
  );
  offset += bytesInOutput;
}
