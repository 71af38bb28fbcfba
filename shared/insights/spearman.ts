// Spearman rank correlation with one method for its p-value and its interval: Fisher's z with
// the Bonett–Wright standard error. p < 0.05 exactly when the 95% interval excludes 0, so the
// two can never contradict each other. Also a partial Spearman with its own interval and p.
import { Z_975, averageRanks, clampUnit, normalTwoSidedP, pearson } from './stats';

export interface SpearmanResult {
  n: number;
  rho: number;
  pValue: number;
  ci95: [number, number] | null;
}

/** Spearman's rho: Pearson's r of the average ranks. Null if a series is constant. */
export function spearmanRho(x: readonly number[], y: readonly number[]): number | null {
  return pearson(averageRanks(x), averageRanks(y));
}

/**
 * atanh(rho) cannot be taken at rho = ±1. A perfect rank order is then treated, for the
 * interval and p only, as halfway between 1 and the strongest imperfect rho n ranks allow
 * (one swap of neighbours: 1 - 12/(n(n² - 1))), which keeps the interval's near end honest
 * (it is not zero-width) while its far end stays at ±1.
 */
function fisherRho(rho: number, n: number): number {
  const r = clampUnit(rho);
  if (!isPerfect(r)) return r;
  return Math.sign(r) * (1 - 6 / (n * (n * n - 1)));
}

/** ±1 up to the last bits that sums of ranks lose to rounding. */
function isPerfect(r: number): boolean {
  return Math.abs(r) >= 1 - PERFECT_SLACK;
}
const PERFECT_SLACK = 1e-15;

/**
 * The Fisher z interval and p of a (partial) rank correlation, with the Bonett–Wright SE
 * sqrt((1 + rho²/2)/(n - 3 - k)) for k controls. Null when n is too small for an SE.
 */
export function fisherInference(
  rho: number,
  n: number,
  controls = 0,
): { pValue: number; ci95: [number, number] } | null {
  const dof = n - 3 - controls;
  if (dof <= 0) return null;
  const r = fisherRho(rho, n);
  const se = Math.sqrt((1 + (r * r) / 2) / dof);
  const z = Math.atanh(r);
  let lo = Math.tanh(z - Z_975 * se);
  let hi = Math.tanh(z + Z_975 * se);
  // An observed perfect order keeps its own end of the interval.
  if (isPerfect(rho) && rho > 0) hi = 1;
  if (isPerfect(rho) && rho < 0) lo = -1;
  return { pValue: normalTwoSidedP(z / se), ci95: [lo, hi] };
}

/** Two-sided p-value of rho (Fisher z, Bonett–Wright SE); the same z as bonettWrightCI. */
export function spearmanPValue(rho: number, n: number): number | null {
  return fisherInference(rho, n)?.pValue ?? null;
}

/** 95% interval on the Fisher z scale with SE sqrt((1 + rho²/2)/(n - 3)) (Bonett & Wright 2000). */
export function bonettWrightCI(rho: number, n: number): [number, number] | null {
  return fisherInference(rho, n)?.ci95 ?? null;
}

export function spearman(x: readonly number[], y: readonly number[]): SpearmanResult | null {
  return spearmanOfRanks(averageRanks(x), averageRanks(y));
}

/** As spearman, from the series' average ranks (so a caller ranking them once can reuse them). */
export function spearmanOfRanks(rx: readonly number[], ry: readonly number[]): SpearmanResult | null {
  const rho = pearson(rx, ry);
  if (rho === null) return null;
  const n = rx.length;
  const inference = fisherInference(rho, n);
  return { n, rho, pValue: inference?.pValue ?? 1, ci95: inference?.ci95 ?? null };
}

/**
 * First-order partial correlation r_xy.z from three pairwise correlations; null when the
 * denominator is 0 (x or y is a perfect monotone function of z).
 */
export function partialCorrelation(rxy: number, rxz: number, ryz: number): number | null {
  const denom = Math.sqrt((1 - rxz * rxz) * (1 - ryz * ryz));
  if (!(denom > 0)) return null;
  return clampUnit((rxy - rxz * ryz) / denom);
}

/**
 * Partial Spearman of x and y controlling for z, all ranked over the same pairs. A constant z
 * carries no information to remove, so the answer is then plain rho (the residuals of a
 * regression on a constant are the centred series themselves). Null if x or y is constant.
 */
export function partialSpearman(x: readonly number[], y: readonly number[], z: readonly number[]): number | null {
  return partialSpearmanOfRanks(averageRanks(x), averageRanks(y), averageRanks(z));
}

/** As partialSpearman, from the series' average ranks. */
export function partialSpearmanOfRanks(
  rx: readonly number[],
  ry: readonly number[],
  rz: readonly number[],
): number | null {
  const rxy = pearson(rx, ry);
  if (rxy === null) return null;
  const rxz = pearson(rx, rz);
  const ryz = pearson(ry, rz);
  if (rxz === null || ryz === null) return rxy;
  return partialCorrelation(rxy, rxz, ryz);
}

/** Holm's step-down adjustment: the p-values in their original order, adjusted for the family. */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const adjusted = new Array<number>(m).fill(1);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
