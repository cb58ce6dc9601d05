import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type ClientName, clientNames } from './clients.js';
import { type Sample, sample } from './stats.js';

const require = createRequire(import.meta.url);
const run = promisify(execFile);
const fixtures = fileURLToPath(new URL('../fixtures/typecheck/', import.meta.url));

/** Measurement 4 for one consumer: what `tsc --extendedDiagnostics` reports. */
export interface TypeCheckCost {
  /** "Check time" in milliseconds. */
  checkMs: Sample;
  /** "Types" created. */
  types: Sample;
  /** "Instantiations". */
  instantiations: Sample;
  /** "Memory used" in megabytes. */
  memoryMB: Sample;
}

/** Reads one numeric line (`Check time:  0.17s`) of tsc's diagnostics. */
function figure(output: string, label: string): number {
  const match = new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(output);
  if (!match?.[1]) throw new Error(`tsc printed no "${label}":\n${output}`);
  return Number.parseFloat(match[1]);
}

/** Type-checks one consumer file once (a fresh tsc process) and reads its diagnostics. */
async function checkOnce(name: ClientName) {
  const tsc = require.resolve('typescript/lib/tsc.js');
  const project = `${fixtures}tsconfig.${name}.json`;
  const { stdout } = await run(process.execPath, [tsc, '-p', project, '--extendedDiagnostics'], {
    maxBuffer: 1 << 20,
  });
  return {
    checkMs: figure(stdout, 'Check time') * 1000,
    types: figure(stdout, 'Types'),
    instantiations: figure(stdout, 'Instantiations'),
    memoryMB: figure(stdout, 'Memory used') / 1024,
  };
}

/**
 * Measurement 4: consumer type-check cost. Each client has a strict consumer file (fixtures/typecheck/*.ts) doing
 * the same three things (create, get with a 404 case, list active people); each is checked `rounds` times.
 */
export async function measureTypeCheck(rounds: number): Promise<Record<ClientName, TypeCheckCost>> {
  const out = {} as Record<ClientName, TypeCheckCost>;
  const runs = Object.fromEntries(
    clientNames.map((name) => [name, [] as Awaited<ReturnType<typeof checkOnce>>[]]),
  );
  for (let round = 0; round < rounds; round++) {
    for (const name of clientNames) runs[name]?.push(await checkOnce(name));
  }
  for (const name of clientNames) {
    const list = runs[name] ?? [];
    out[name] = {
      checkMs: sample(list.map((r) => r.checkMs)),
      types: sample(list.map((r) => r.types)),
      instantiations: sample(list.map((r) => r.instantiations)),
      memoryMB: sample(list.map((r) => r.memoryMB)),
    };
  }
  return out;
}
