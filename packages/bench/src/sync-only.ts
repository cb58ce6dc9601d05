// Measurement 6 alone (plan and apply with the docspace-people CLI), printed as in `pnpm bench`; nothing written.
// `pnpm --filter @docspace-people/bench exec tsx src/sync-only.ts [plan|apply] [rounds]`; build the CLI first.
// BENCH_CLI_NODE_ARGS adds Node options to the CLI processes (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
import { loadavg } from 'node:os';
import { formatSync, fullSyncPlan, measureSync } from './sync-bench.js';

const part = process.argv[2] ?? 'all';
const rounds = Number(process.argv[3] ?? fullSyncPlan.rounds);
const load = loadavg()[0] ?? 0;
const result = await measureSync({
  ...fullSyncPlan,
  planSizes: part === 'apply' ? [] : fullSyncPlan.planSizes,
  rounds,
  skipApply: part === 'plan',
});
process.stdout.write(
  `load average ${load.toFixed(1)} -> ${(loadavg()[0] ?? 0).toFixed(1)}${formatSync(result)}`,
);
