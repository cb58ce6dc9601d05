/** A figure measured over repeated runs: the median and how far the runs spread around it. */
export interface Sample {
  /** Median of the runs. */
  median: number;
  /** Smallest run. */
  min: number;
  /** Largest run. */
  max: number;
  /** Interquartile range divided by the median, in percent (the "spread" column). */
  spreadPct: number;
  /** How many runs. */
  runs: number;
}

/** The value at quantile `q` (0..1) of sorted values, interpolated. */
function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  const a = sorted[low] ?? Number.NaN;
  const b = sorted[high] ?? Number.NaN;
  return a + (b - a) * (at - low);
}

/** Summarizes repeated measurements of one figure. */
export function sample(values: number[]): Sample {
  if (values.length === 0) throw new Error('no runs to summarize');
  const sorted = [...values].sort((a, b) => a - b);
  const median = quantile(sorted, 0.5);
  const iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
  return {
    median,
    min: sorted[0] ?? median,
    max: sorted.at(-1) ?? median,
    spreadPct: median === 0 ? 0 : (iqr / median) * 100,
    runs: values.length,
  };
}

/**
 * Ratio of two figures measured in the same run: the median of the per-round ratios (each round measured both
 * within a few milliseconds of each other), with its own spread.
 */
export function ratio(numerators: number[], denominators: number[]): Sample {
  return sample(numerators.map((value, i) => value / (denominators[i] ?? Number.NaN)));
}

/** Runs `task` `rounds` times, each time calling it with the round number; collects what it returns. */
export async function repeat<T>(rounds: number, task: (round: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let round = 0; round < rounds; round++) out.push(await task(round));
  return out;
}
