import type { BenchResults } from './results.js';

/** One target of the issue, checked against what was measured (reported, never asserted). */
export interface TargetCheck {
  /** What is compared, e.g. "stubbed get: facade / baseline". */
  name: string;
  /** The measured value (a ratio, or bytes). */
  measured: number;
  /** The most the target allows. */
  limit: number;
  /** Unit of `measured` and `limit`: "x" (ratio), "bytes" or "ms". */
  unit: 'x' | 'bytes' | 'ms';
  /** Whether `measured <= limit`. */
  met: boolean;
  /** How far over the limit, in percent of the limit (0 when met). */
  missedByPct: number;
}

function check(name: string, measured: number, limit: number, unit: TargetCheck['unit']): TargetCheck {
  const met = measured <= limit;
  return { name, measured, limit, unit, met, missedByPct: met ? 0 : ((measured - limit) / limit) * 100 };
}

/**
 * The issues' targets, evaluated on one run's results: issue 6's set, tightened by issue 9 (stubbed overhead
 * 1.10x, the two-call functions bundle 6.3 KB with 5 KB as the goal, the consumer type-check 100 ms).
 */
export function checkTargets(results: Omit<BenchResults, 'targets'>): TargetCheck[] {
  const { overhead, loopback, bundle, typeCheck, bulk } = results;
  return [
    check('1 stubbed get: facade / baseline', overhead.get.vsBaseline.facade.median, 1.1, 'x'),
    check('1 stubbed create: facade / baseline', overhead.create.vsBaseline.facade.median, 1.1, 'x'),
    check(
      '2 CPU per GET, sequential: facade / baseline',
      loopback.sequential.vsBaseline.facade.median,
      1.15,
      'x',
    ),
    check(
      '2 CPU per GET, concurrency 16: facade / baseline',
      loopback.concurrent.vsBaseline.facade.median,
      1.15,
      'x',
    ),
    // The lighter form of the facade: the standalone functions (the DocSpace class is reported in the table).
    check(
      '3 two-call consumer, gzipped: facade functions',
      bundle['facade functions'].gzipped.median,
      6300,
      'bytes',
    ),
    check(
      '3 two-call consumer, gzipped (5 KB goal): facade functions',
      bundle['facade functions'].gzipped.median,
      5000,
      'bytes',
    ),
    check('4 consumer type-check: facade', typeCheck.facade.checkMs.median, 100, 'ms'),
    check('5 bulk onboarding: wall / bound', bulk.vsBound.median, 1.15, 'x'),
  ];
}
