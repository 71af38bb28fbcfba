// Ordinary least squares for the headline model and the day-level adjustment. The linear
// algebra (the QR decomposition, the inverse behind the standard errors) is ml-matrix's; only
// the t distribution comes from stats.ts. The systems have up to several thousand rows (the
// day-level model has one per rated day) and at most five columns, so X is copied once, into
// the matrix the decomposition works in, and the residuals and X'X, plain sums, are computed
// here from the columns rather than through more copies of X.
import { inverse, Matrix, QrDecomposition } from 'ml-matrix';
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
  const columns: Float64Array[] = [];
  for (let j = 0; j < k; j++) columns.push(Float64Array.from(rows, (row) => row[j] as number));
  return olsColumns(columns, y);
}

/**
 * [X | y] for QrDecomposition, which decomposes a clone of what it is given. ml-matrix clones
 * element by element through a generator, an array for every element: that was most of what a
 * regression of a few thousand rows allocated. This matrix is built for one decomposition and
 * not read after it, so its clone is itself.
 */
class DecomposedInPlace extends Matrix {
  override clone(): this {
    return this;
  }
}

/** As ols, with X given by its columns (each as long as y). */
export function olsColumns(columns: readonly ArrayLike<number>[], y: ArrayLike<number>): OlsFit | null {
  const n = y.length;
  const k = columns.length;
  if (columns.some((column) => column.length !== n)) throw new RangeError('ols: X and y differ in length.');
  if (k === 0 || n <= k) return null;

  // y rides along as one more column of the decomposition: the reflections that make R turn it
  // into Q'y on the way, in the very operations QrDecomposition.solve would apply to a copy of
  // y afterwards. That spares solve's two n-row copies (y as a column, then its working copy),
  // with the same numbers to the last bit.
  const xy = new DecomposedInPlace(n, k + 1);
  for (let j = 0; j < k; j++) {
    const column = columns[j] as ArrayLike<number>;
    for (let i = 0; i < n; i++) xy.set(i, j, column[i] as number);
  }
  for (let i = 0; i < n; i++) xy.set(i, k, y[i] as number);
  const r = new QrDecomposition(xy).upperTriangularMatrix;
  // Full rank is X's alone: a zero in y's place only means y is fitted exactly (caught below).
  for (let j = 0; j < k; j++) if (r.get(j, j) === 0) return null;
  // Back substitution, column by column as solve does it: R's first k columns against Q'y.
  const estimates = new Float64Array(k);
  for (let j = 0; j < k; j++) estimates[j] = r.get(j, k);
  for (let j = k - 1; j >= 0; j--) {
    estimates[j] = (estimates[j] as number) / r.get(j, j);
    for (let i = 0; i < j; i++) estimates[i] = (estimates[i] as number) - (estimates[j] as number) * r.get(i, j);
  }

  let rss = 0;
  for (let i = 0; i < n; i++) {
    let fitted = 0;
    for (let j = 0; j < k; j++) fitted += ((columns[j] as ArrayLike<number>)[i] as number) * (estimates[j] as number);
    const residual = (y[i] as number) - fitted;
    rss += residual * residual;
  }
  const df = n - k;
  const sigma2 = rss / df;
  // A perfect fit has no error to estimate: no interval can be given.
  if (!(sigma2 > 0)) return null;
  const xtxInverse = inverse(crossProduct(columns, n));
  const q = studentTQuantile(0.975, df);
  const coefficients: Coefficient[] = [];
  for (let j = 0; j < k; j++) {
    const estimate = estimates[j] as number;
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

/** X'X (k × k), each entry summed over the rows in order, as a product of the matrices sums it. */
function crossProduct(columns: readonly ArrayLike<number>[], n: number): Matrix {
  const k = columns.length;
  const xtx = new Matrix(k, k);
  for (let a = 0; a < k; a++) {
    const ca = columns[a] as ArrayLike<number>;
    for (let c = 0; c < k; c++) {
      const cc = columns[c] as ArrayLike<number>;
      let s = 0;
      for (let r = 0; r < n; r++) s += (ca[r] as number) * (cc[r] as number);
      xtx.set(a, c, s);
    }
  }
  return xtx;
}
