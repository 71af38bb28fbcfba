// Ordinary least squares for the headline model and the day-level adjustment. The linear
// algebra (QR least squares, the inverse behind the standard errors) is ml-matrix's; only the
// t distribution comes from stats.ts.
import { Matrix, QrDecomposition, inverse } from 'ml-matrix';
import { studentTQuantile, twoSidedTPValue } from './stats';

export interface Coefficient {
  estimate: number;
  se: number;
  t: number;
  pValue: number;
  ci95: [number, number];
}

export interface OlsFit {
  n: number;
  /** Residual degrees of freedom, n - number of columns. */
  df: number;
  coefficients: Coefficient[];
}

/**
 * Fits y = X b + e by least squares (X's columns as given; add a column of ones for an
 * intercept) with classical standard errors and t-based 95% intervals. Null when X is not of
 * full column rank, leaves no residual degree of freedom, or fits exactly.
 */
export function ols(rows: readonly (readonly number[])[], y: readonly number[]): OlsFit | null {
  const n = rows.length;
  const k = rows[0]?.length ?? 0;
  if (n !== y.length) throw new RangeError('ols: X and y differ in length.');
  if (k === 0 || n <= k) return null;
  const X = new Matrix(rows.map((row) => [...row]));
  const Y = Matrix.columnVector([...y]);
  const qr = new QrDecomposition(X);
  if (!qr.isFullRank()) return null;
  const beta = qr.solve(Y);
  const residuals = Y.sub(X.mmul(beta));
  const df = n - k;
  const sigma2 = residuals.dot(residuals) / df;
  // A perfect fit has no error to estimate: no interval can be given.
  if (!(sigma2 > 0)) return null;
  const xtxInverse = inverse(X.transpose().mmul(X));
  const q = studentTQuantile(0.975, df);
  const coefficients: Coefficient[] = [];
  for (let j = 0; j < k; j++) {
    const estimate = beta.get(j, 0);
    const se = Math.sqrt(sigma2 * xtxInverse.get(j, j));
    const t = estimate / se;
    coefficients.push({
      estimate,
      se,
      t,
      pValue: twoSidedTPValue(t, df),
      ci95: [estimate - q * se, estimate + q * se],
    });
  }
  return { n, df, coefficients };
}
