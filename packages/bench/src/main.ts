// `pnpm bench`: the five measurements of issue 6 and the plan/apply figures of issue 11, printed as a table and written as JSON.
// BENCH_MODE=smoke runs a few iterations only (to check the script, not to read figures).
// BENCH_JSON=path overrides where the JSON goes (default: bench/results.json at the repo root).
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureBulkOnboarding } from './bulk-onboarding.js';
import { measureBundleSizes } from './bundle-size.js';
import { measureLoopback } from './loopback.js';
import { measureOverhead } from './overhead.js';
import { formatReport } from './report.js';
import type { BenchResults } from './results.js';
import { formatSync, fullSyncPlan, measureSync } from './sync-bench.js';
import { checkTargets } from './targets.js';
import { measureTypeCheck } from './type-check.js';

/** How much work each measurement does in each mode. */
const plans = {
  full: {
    overhead: { calls: 2000, rounds: 11, warmup: 3000 },
    loopback: { requests: 5000, rounds: 3, concurrency: 16 },
    bundleRounds: 3,
    typeCheckRounds: 3,
    bulk: { users: 1000, rounds: 3, latencyMs: 20, writeLimit: 15 },
    sync: fullSyncPlan,
  },
  smoke: {
    overhead: { calls: 50, rounds: 3, warmup: 50 },
    loopback: { requests: 100, rounds: 2, concurrency: 16 },
    bundleRounds: 1,
    typeCheckRounds: 1,
    bulk: { users: 60, rounds: 1, latencyMs: 20, writeLimit: 15 },
    sync: { planSizes: [50, 100], creates: 60, latencyMs: 20, rounds: 1 },
  },
};

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const mode = process.env.BENCH_MODE === 'smoke' ? 'smoke' : 'full';
const jsonPath = resolve(repoRoot, process.env.BENCH_JSON || 'bench/results.json');
const plan = plans[mode];
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

const started = performance.now();
const startLoad = loadavg()[0] ?? 0;
log(`${mode} run; JSON -> ${jsonPath}`);
const phaseS: Record<string, number> = {};
/** Runs one measurement, logging it and recording how long it took. */
async function phase<T>(name: string, task: () => Promise<T>): Promise<T> {
  log(name);
  const at = performance.now();
  const result = await task();
  phaseS[name] = (performance.now() - at) / 1000;
  return result;
}
const overhead = await phase('1 per-call overhead, network stubbed', () => measureOverhead(plan.overhead));
const loopback = await phase('2 GETs against a loopback keep-alive server', () =>
  measureLoopback(plan.loopback),
);
const bundle = await phase('3 bundle sizes', () => measureBundleSizes(plan.bundleRounds));
const typeCheck = await phase('4 consumer type-check cost', () => measureTypeCheck(plan.typeCheckRounds));
const bulk = await phase('5 bulk onboarding', () => measureBulkOnboarding(plan.bulk));
const sync = await phase('6 plan and apply (docspace-people CLI)', () => measureSync(plan.sync));

const cpuList = cpus();
const partial: Omit<BenchResults, 'targets'> = {
  meta: {
    startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
    mode,
    node: process.version,
    cpus: `${cpuList.length} x ${cpuList[0]?.model.trim() ?? 'unknown CPU'}`,
    loadAverage: { start: startLoad, end: loadavg()[0] ?? 0 },
    durationS: (performance.now() - started) / 1000,
    phaseS,
  },
  overhead,
  loopback,
  bundle,
  typeCheck,
  bulk,
  sync,
};
const results: BenchResults = { ...partial, targets: checkTargets(partial) };
await mkdir(dirname(jsonPath), { recursive: true });
await writeFile(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(formatReport(results) + formatSync(sync));
log(`wrote ${jsonPath}`);
