// Spearman rank correlation with the same p-value as scipy.stats.spearmanr (t approximation),
// a Fisher-z interval with the Bonett–Wright standard error, and a partial Spearman.
import { Z_975, averageRanks, clampUnit, pearson, twoSidedTPValue } from './stats';

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

/** Two-sided p-value with n - 2 df; rho = ±1 gives p = 0 instead of dividing by zero. */
export function spearmanPValue(rho: number, n: number): number | null {
  if (n < 3) return null;
  const r = clampUnit(rho);
  if (Math.abs(r) === 1) return 0;
  const t = r * Math.sqrt((n - 2) / (1 - r * r));
  return twoSidedTPValue(t, n - 2);
}

/**
 * 95% interval on the Fisher z scale with SE sqrt((1 + rho²/2)/(n - 3)) (Bonett & Wright 2000).
 * At rho = ±1 atanh is infinite and the interval collapses onto rho, as numpy's tanh(±inf) does.
 */
export function bonettWrightCI(rho: number, n: number): [number, number] | null {
  if (n <= 3) return null;
  const r = clampUnit(rho);
  if (Math.abs(r) === 1) return [r, r];
  const se = Math.sqrt((1 + (r * r) / 2) / (n - 3));
  const z = Math.atanh(r);
  return [Math.tanh(z - Z_975 * se), Math.tanh(z + Z_975 * se)];
}

export function spearman(x: readonly number[], y: readonly number[]): SpearmanResult | null {
  const rho = spearmanRho(x, y);
  if (rho === null) return null;
  const n = x.length;
  return { n, rho, pValue: spearmanPValue(rho, n) ?? 1, ci95: bonettWrightCI(rho, n) };
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
  const rx = averageRanks(x);
  const ry = averageRanks(y);
  const rz = averageRanks(z);
  const rxy = pearson(rx, ry);
  if (rxy === null) return null;
  const rxz = pearson(rx, rz);
  const ryz = pearson(ry, rz);
  if (rxz === null || ryz === null) return rxy;
  return partialCorrelation(rxy, rxz, ryz);
}
