// Summaries of repeated timings: median and spread, so one noisy round cannot decide a result.

export interface Spread {
  median: number;
  /** First and third quartiles (linear interpolation between order statistics). */
  q1: number;
  q3: number;
  min: number;
  max: number;
  n: number;
}

/** The p-quantile (0..1) of the values, interpolating linearly between neighbours. */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('quantile() of no values.');
  if (p < 0 || p > 1) throw new Error(`quantile() needs p in [0, 1], got ${p}.`);
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function spreadOf(values: readonly number[]): Spread {
  return {
    median: median(values),
    q1: quantile(values, 0.25),
    q3: quantile(values, 0.75),
    min: Math.min(...values),
    max: Math.max(...values),
    n: values.length,
  };
}

export interface Paired {
  measured: number[];
  baseline: number[];
}

/**
 * Runs `warmup` unrecorded rounds, then `rounds` recorded ones, alternating which of the two
 * goes first, so slow drift on a shared machine (other processes, disk caches, thermal limits)
 * falls on both sides alike. Each function returns its own duration (or other quantity).
 */
export async function measurePaired(
  rounds: number,
  measured: () => Promise<number> | number,
  baseline: () => Promise<number> | number,
  warmup = 1,
): Promise<Paired> {
  const result: Paired = { measured: [], baseline: [] };
  for (let round = 0; round < warmup + rounds; round++) {
    const first = round % 2 === 0;
    const a = first ? await measured() : await baseline();
    const b = first ? await baseline() : await measured();
    if (round < warmup) continue;
    result.measured.push(first ? a : b);
    result.baseline.push(first ? b : a);
  }
  return result;
}

/** Milliseconds a (sync or async) function takes. */
export async function timeMs(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}
