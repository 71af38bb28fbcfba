// Small, dependency-light statistics helpers. The t distribution and erfc (the normal tail)
// come from stdlib.
import erfc from '@stdlib/math-base-special-erfc';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** The 97.5% point of the standard normal, for 95% intervals on the Fisher z scale. */
export const Z_975 = 1.959963984540054;

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sample variance (n - 1 in the denominator); two-pass so that large offsets stay exact. */
export function sampleVariance(values: readonly number[]): number {
  const m = mean(values);
  let ss = 0;
  for (const v of values) ss += (v - m) * (v - m);
  return ss / (values.length - 1);
}

export function isConstant(values: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}

/** Ranks 1..n; tied values share the average of the ranks they span (as scipy's rankdata). */
export function averageRanks(values: readonly number[]): number[] {
  // A typed copy sorts numerically in native code (no comparator calls); as tied values share
  // one rank, each value's rank can then be looked up by the value itself.
  const sorted = Float64Array.from(values).sort();
  const rankOf = new Map<number, number>();
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[i]) j++;
    // Positions i..j (0-based) hold equal values: ranks i+1..j+1, averaged.
    rankOf.set(sorted[i] as number, (i + j) / 2 + 1);
    i = j + 1;
  }
  return values.map((value) => rankOf.get(value) as number);
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
