import type { BulkResult } from './bulk-onboarding.js';
import type { BundleSize, ConsumerName } from './bundle-size.js';
import type { ClientName } from './clients.js';
import type { LoopbackResult } from './loopback.js';
import type { OverheadResult } from './overhead.js';
import type { SyncResult } from './sync-bench.js';
import type { TargetCheck } from './targets.js';
import type { TypeCheckCost } from './type-check.js';

/** Where and how the figures were taken. */
export interface BenchMeta {
  /** ISO time the run started. */
  startedAt: string;
  /** `full` (the real figures) or `smoke` (a few iterations, to check the script works). */
  mode: 'full' | 'smoke';
  /** `process.version` of the runner. */
  node: string;
  /** CPU count and model. */
  cpus: string;
  /** 1-minute load average at the start and the end: above the CPU count, other processes competed. */
  loadAverage: { start: number; end: number };
  /** Seconds the whole run took. */
  durationS: number;
  /** Seconds each measurement took. */
  phaseS: Record<string, number>;
}

/** Everything `pnpm bench` measures; written as JSON to BENCH_JSON (default bench/results.json). */
export interface BenchResults {
  meta: BenchMeta;
  /** 1. Per-call overhead with the network stubbed. */
  overhead: { get: OverheadResult; create: OverheadResult };
  /** 2. GETs against a local keep-alive server. */
  loopback: { sequential: LoopbackResult; concurrent: LoopbackResult };
  /** 3. Browser bundle sizes. */
  bundle: Record<ConsumerName, BundleSize>;
  /** 4. Consumer type-check cost. */
  typeCheck: Record<ClientName, TypeCheckCost>;
  /** 5. Bulk onboarding against a slow, write-limited server. */
  bulk: BulkResult;
  /** 6. `docspace-people plan` and `apply` against the fake portal (issue 11). */
  sync: SyncResult;
  /** The targets against these figures. */
  targets: TargetCheck[];
}
