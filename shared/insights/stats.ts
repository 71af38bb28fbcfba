// Small, dependency-light statistics helpers. The t distribution and erfc (the normal tail)
// come from stdlib.
import erfc from '@stdlib/math-base-special-erfc';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** The 97.5% point of the standard normal, for 95% intervals on the Fisher z scale. */
export const Z_975 = 1.959963984540054;

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return sum / values.length;
}

/** Sample variance (n - 1 in the denominator); two-pass so that large offsets stay exact. */
export function sampleVariance(values: readonly number[]): number {
  const m = mean(values);
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    const d = (values[i] as number) - m;
    ss += d * d;
  }
  return ss / (values.length - 1);
}

export function isConstant(values: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}

/** Ranks 1..n; tied values share the average of the ranks they span (as scipy's rankdata). */
export function averageRanks(values: readonly number[]): number[] {
  const n = values.length;
  const byValue = new Int32Array(n);
  for (let i = 0; i < n; i++) byValue[i] = i;
  sortPositions(byValue, values, 0, n);
  const ranks = new Array<number>(n);
  let i = 0;
  while (i < n) {
    const value = values[byValue[i] as number];
    let j = i;
    while (j + 1 < n && values[byValue[j + 1] as number] === value) j++;
    // Sorted places i..j (0-based) hold equal values: ranks i+1..j+1, averaged.
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[byValue[k] as number] = rank;
    i = j + 1;
  }
  return ranks;
}

/**
 * Sorts positions[from..to) by the values they point at. A plain quicksort: at the sizes here
 * (a thousand weeks, ranked fifteen times per report) it is several times faster than sorting
 * a typed copy natively and needs no map from value back to rank. The order among equal
 * values is left open: they share one rank.
 */
function sortPositions(positions: Int32Array, values: readonly number[], from: number, to: number): void {
  let lo = from;
  let hi = to;
  while (hi - lo > 16) {
    // Median of three as the pivot, so sorted and reversed input stay n log n.
    const a = values[positions[lo] as number] as number;
    const b = values[positions[(lo + hi) >> 1] as number] as number;
    const c = values[positions[hi - 1] as number] as number;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi - 1;
    while (i <= j) {
      while ((values[positions[i] as number] as number) < pivot) i++;
      while ((values[positions[j] as number] as number) > pivot) j--;
      if (i <= j) {
        const t = positions[i] as number;
        positions[i++] = positions[j] as number;
        positions[j--] = t;
      }
    }
    // Recurse into the smaller part and loop on the larger, so the stack stays shallow.
    if (j + 1 - lo < hi - i) {
      sortPositions(positions, values, lo, j + 1);
      lo = i;
    } else {
      sortPositions(positions, values, i, hi);
      hi = j + 1;
    }
  }
  for (let i = lo + 1; i < hi; i++) {
    const position = positions[i] as number;
    const value = values[position] as number;
    let j = i - 1;
    while (j >= lo && (values[positions[j] as number] as number) > value) {
      positions[j + 1] = positions[j] as number;
      j--;
    }
    positions[j + 1] = position;
  }
}

/** Pearson correlation; null when either series has no spread (the coefficient is undefined). */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
  if (x.length !== y.length) throw new RangeError('pearson: series differ in length.');
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return clampUnit(sxy / Math.sqrt(sxx * syy));
}

/** Keeps a correlation inside [-1, 1] despite rounding, so atanh and sqrt(1 - r^2) stay finite. */
export function clampUnit(r: number): number {
  return Math.max(-1, Math.min(1, r));
}

/** Two-sided p of a standard normal z: erfc(|z|/√2), accurate far into the tails. */
export function normalTwoSidedP(z: number): number {
  if (!Number.isFinite(z)) return 0;
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

/** P(T <= x) for Student's t with `df` degrees of freedom. */
export function studentTCdf(x: number, df: number): number {
  return tCdf(x, df);
}

/** The p-quantile of Student's t with `df` degrees of freedom. */
export function studentTQuantile(p: number, df: number): number {
  return tQuantile(p, df);
}

/** Two-sided p-value of a t statistic; uses the lower tail, which keeps tiny p-values accurate. */
export function twoSidedTPValue(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  return Math.min(1, 2 * studentTCdf(-Math.abs(t), df));
}

export interface WelchResult {
  n1: number;
  n2: number;
  mean1: number;
  mean2: number;
  /** mean1 - mean2 */
  difference: number;
  se: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
  t: number;
  pValue: number;
  ci95: [number, number];
}

/**
 * Welch's two-sample t test (unequal variances) with a 95% interval for mean1 - mean2.
 * Null when a group has fewer than 2 values or both groups have no spread (no SE to speak of).
 */
export function welchTTest(a: readonly number[], b: readonly number[]): WelchResult | null {
  if (a.length < 2 || b.length < 2) return null;
  const mean1 = mean(a);
  const mean2 = mean(b);
  const va = sampleVariance(a) / a.length;
  const vb = sampleVariance(b) / b.length;
  const se2 = va + vb;
  if (!(se2 > 0)) return null;
  const se = Math.sqrt(se2);
  const df = (se2 * se2) / ((va * va) / (a.length - 1) + (vb * vb) / (b.length - 1));
  const difference = mean1 - mean2;
  const t = difference / se;
  const q = studentTQuantile(0.975, df);
  return {
    n1: a.length,
    n2: b.length,
    mean1,
    mean2,
    difference,
    se,
    df,
    t,
    pValue: twoSidedTPValue(t, df),
    ci95: [difference - q * se, difference + q * se],
  };
}
