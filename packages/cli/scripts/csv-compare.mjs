#!/usr/bin/env node
// Compares the CLI's hand-written CSV code (src/csv.ts) with maintained CSV libraries: install size, bundle size,
// speed on 100,000 rows and correctness on the cases the CLI relies on. Not part of `pnpm test`.
//
//   pnpm build && node packages/cli/scripts/csv-compare.mjs
//
// It installs each candidate with npm into a temporary folder (one folder per candidate, so the size is the
// candidate's own closure), bundles it with esbuild (from packages/bench) and prints a table. The figures are
// recorded in packages/cli/README.md ("CSV: hand-written, by measurement").
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = fileURLToPath(new URL('.', import.meta.url));
const cliDist = join(here, '../dist/csv.js');
const esbuild = createRequire(join(here, '../../bench/package.json'))('esbuild');

const candidates = [
  {
    name: 'hand-written (src/csv.ts)',
    packages: [],
    entry: `export { parseCsv, csvLine } from ${JSON.stringify(cliDist)};`,
  },
  {
    name: 'csv-parse + csv-stringify',
    packages: ['csv-parse@7', 'csv-stringify@6'],
    entry: "export { parse } from 'csv-parse/sync'; export { stringify } from 'csv-stringify/sync';",
  },
  { name: 'papaparse', packages: ['papaparse@5'], entry: "export { default } from 'papaparse';" },
  {
    name: '@fast-csv/parse + format',
    packages: ['@fast-csv/parse@5', '@fast-csv/format@5'],
    entry: "export { parseString } from '@fast-csv/parse'; export { writeToString } from '@fast-csv/format';",
  },
];

const du = (dir) => {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? du(path) : statSync(path).size;
  }
  return total;
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

// 100,000 user rows with the features the CLI meets: quotes, commas and line breaks inside quotes, CRLF, a BOM.
const ROWS = 100_000;
const big = `\ufefffirstName,lastName,email,notes\r\n${Array.from({ length: ROWS }, (_, i) =>
  i % 10 === 0
    ? `"Hopper, Grace${i}","O""Brien","u${i}@example.com","line one\nline two"`
    : `Ada${i},Lovelace,u${i}@example.com,`,
).join('\r\n')}\r\n`;

// The cases every candidate must get right (expected records after dropping the BOM).
const cases = [
  ['quoted comma and doubled quote', 'a,"b, c","d ""e"""\n', [['a', 'b, c', 'd "e"']]],
  [
    'BOM',
    '\ufeffx,y\n1,2\n',
    [
      ['x', 'y'],
      ['1', '2'],
    ],
  ],
  [
    'CRLF',
    'x,y\r\n1,2\r\n',
    [
      ['x', 'y'],
      ['1', '2'],
    ],
  ],
  [
    'line break inside quotes',
    'x,"1\r\n2"\nz,w\n',
    [
      ['x', '1\r\n2'],
      ['z', 'w'],
    ],
  ],
  ['empty last field', 'a,\n', [['a', '']]],
];

const adapters = {
  'hand-written (src/csv.ts)': (m) => ({
    parse: (text) => m.parseCsv(text).map((r) => r.fields),
    write: (rows) => rows.map((r) => m.csvLine(r)).join(''),
  }),
  'csv-parse + csv-stringify': (m) => ({
    parse: (text) => m.parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }),
    write: (rows) => m.stringify(rows),
  }),
  papaparse: (m) => ({
    parse: (text) => m.default.parse(text.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data,
    write: (rows) => m.default.unparse(rows, { newline: '\n' }),
  }),
  '@fast-csv/parse + format': (m) => ({
    parse: (text) =>
      new Promise((resolve, reject) => {
        const out = [];
        m.parseString(text, { ignoreEmpty: true })
          .on('data', (row) => out.push(row))
          .on('error', reject)
          .on('end', () => resolve(out));
      }),
    write: (rows) => m.writeToString(rows),
  }),
};

/** The fastest of 5 runs, in ms (the minimum is the figure least disturbed by other load on the machine). */
async function fastest(work) {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

const results = [];
for (const candidate of candidates) {
  const dir = mkdtempSync(join(tmpdir(), 'csv-compare-'));
  try {
    let installed = 0;
    let engines = '-';
    if (candidate.packages.length > 0) {
      execFileSync(
        'npm',
        ['install', '--no-audit', '--no-fund', '--silent', '--prefix', dir, ...candidate.packages],
        { stdio: 'inherit' },
      );
      installed = du(join(dir, 'node_modules'));
      engines = candidate.packages
        .map((spec) => {
          const name = spec.replace(/@[^@/]+$/, '');
          const pkg = JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8'));
          return `${name}@${pkg.version} ${JSON.stringify(pkg.engines ?? {})} deps:${Object.keys(pkg.dependencies ?? {}).length}`;
        })
        .join('; ');
    }
    const entry = join(dir, 'entry.mjs');
    writeFileSync(entry, `${candidate.entry}\n`);
    const bundle = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'node',
      write: false,
      absWorkingDir: dir,
    });
    const code = bundle.outputFiles[0].contents;
    const module = await import(pathToFileURL(entry).href);
    const api = adapters[candidate.name](module);
    const correctness = [];
    for (const [what, text, expected] of cases) {
      const got = await api.parse(text);
      if (JSON.stringify(got) !== JSON.stringify(expected))
        correctness.push(`${what}: ${JSON.stringify(got)}`);
    }
    const rows = await api.parse(big);
    const parseMs = await fastest(() => api.parse(big));
    const writeMs = await fastest(() => api.write(rows));
    results.push({
      candidate: candidate.name,
      engines,
      install: installed === 0 ? '0 (in the CLI)' : kb(installed),
      bundle: `${kb(code.length)} min, ${kb(gzipSync(code).length)} gzip`,
      [`parse ${ROWS / 1000}k rows`]: `${parseMs.toFixed(0)} ms`,
      [`write ${ROWS / 1000}k rows`]: `${writeMs.toFixed(0)} ms`,
      records: rows.length,
      wrong: correctness.length === 0 ? 'none' : correctness.join(' | '),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`Node ${process.version}, ${ROWS} rows (${kb(big.length)}), fastest of 5 runs`);
for (const r of results) console.log(JSON.stringify(r));
