// Ordinary least squares for the headline model and the day-level adjustment. The linear
// algebra is ml-matrix's, step for step (Householder QR least squares, and the LU inverse of
// X'X behind the standard errors), written out on flat arrays: the systems have a thousand
// rows and at most five columns, and ml-matrix's row-per-array copies of them (X, X', X'X,
// the fitted values) cost more than the arithmetic. Doing the same operations in the same
// order gives the same numbers to the last bit. Only the t distribution comes from stats.ts.
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

/** sqrt(a² + b²) without overflow, as ml-matrix computes it (the same bits matter here). */
function hypotenuse(a: number, b: number): number {
  if (Math.abs(a) > Math.abs(b)) {
    const r = b / a;
    return Math.abs(a) * Math.sqrt(1 + r * r);
  }
  if (b !== 0) {
    const r = a / b;
    return Math.abs(b) * Math.sqrt(1 + r * r);
  }
  return 0;
}

/** As ols, with X given by its columns (each as long as y). */
export function olsColumns(columns: readonly ArrayLike<number>[], y: ArrayLike<number>): OlsFit | null {
  const n = y.length;
  const k = columns.length;
  if (columns.some((column) => column.length !== n)) throw new RangeError('ols: X and y differ in length.');
  if (k === 0 || n <= k) return null;

  // Householder QR of X, column after column; column j of X is qr[j * n] .. qr[j * n + n - 1].
  const qr = new Float64Array(n * k);
  for (let j = 0; j < k; j++) {
    const column = columns[j] as ArrayLike<number>;
    for (let i = 0; i < n; i++) qr[j * n + i] = column[i] as number;
  }
  const rdiag = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    const cc = c * n;
    let nrm = 0;
    for (let i = c; i < n; i++) nrm = hypotenuse(nrm, qr[cc + i] as number);
    if (nrm !== 0) {
      if ((qr[cc + c] as number) < 0) nrm = -nrm;
      for (let i = c; i < n; i++) qr[cc + i] = (qr[cc + i] as number) / nrm;
      qr[cc + c] = (qr[cc + c] as number) + 1;
      for (let j = c + 1; j < k; j++) {
        const cj = j * n;
        let s = 0;
        for (let i = c; i < n; i++) s += (qr[cc + i] as number) * (qr[cj + i] as number);
        s = -s / (qr[cc + c] as number);
        for (let i = c; i < n; i++) qr[cj + i] = (qr[cj + i] as number) + s * (qr[cc + i] as number);
      }
    }
    rdiag[c] = -nrm;
  }
  if (rdiag.includes(0)) return null;

  // b = R⁻¹ Q'y: apply the reflections to y, then substitute back.
  const b = Float64Array.from(y);
  for (let c = 0; c < k; c++) {
    const cc = c * n;
    let s = 0;
    for (let i = c; i < n; i++) s += (qr[cc + i] as number) * (b[i] as number);
    s = -s / (qr[cc + c] as number);
    for (let i = c; i < n; i++) b[i] = (b[i] as number) + s * (qr[cc + i] as number);
  }
  for (let c = k - 1; c >= 0; c--) {
    b[c] = (b[c] as number) / (rdiag[c] as number);
    for (let i = 0; i < c; i++) b[i] = (b[i] as number) - (b[c] as number) * (qr[c * n + i] as number);
  }

  let rss = 0;
  for (let i = 0; i < n; i++) {
    let fitted = 0;
    for (let j = 0; j < k; j++) fitted += ((columns[j] as ArrayLike<number>)[i] as number) * (b[j] as number);
    const residual = (y[i] as number) - fitted;
    rss += residual * residual;
  }
  const df = n - k;
  const sigma2 = rss / df;
  // A perfect fit has no error to estimate: no interval can be given.
  if (!(sigma2 > 0)) return null;
  const xtxInverseDiagonal = inverseDiagonal(crossProduct(columns, n));
  if (xtxInverseDiagonal === null) return null;
  const q = studentTQuantile(0.975, df);
  const coefficients: Coefficient[] = [];
  for (let j = 0; j < k; j++) {
    const estimate = b[j] as number;
    const se = Math.sqrt(sigma2 * (xtxInverseDiagonal[j] as number));
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

/** X'X, k × k, row after row. */
function crossProduct(columns: readonly ArrayLike<number>[], n: number): Float64Array {
  const k = columns.length;
  const xtx = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    const ca = columns[a] as ArrayLike<number>;
    for (let c = 0; c < k; c++) {
      const cc = columns[c] as ArrayLike<number>;
      let s = 0;
      for (let r = 0; r < n; r++) s += (ca[r] as number) * (cc[r] as number);
      xtx[a * k + c] = s;
    }
  }
  return xtx;
}

/**
 * The diagonal of the inverse of a k × k matrix (row after row), by LU with partial pivoting
 * solved against the identity, as ml-matrix's inverse(); null when the matrix is singular.
 */
function inverseDiagonal(matrix: Float64Array): Float64Array | null {
  const k = Math.round(Math.sqrt(matrix.length));
  const lu = Float64Array.from(matrix);
  const pivot = Int32Array.from({ length: k }, (_, i) => i);
  const luColumn = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < k; i++) luColumn[i] = lu[i * k + j] as number;
    for (let i = 0; i < k; i++) {
      const kmax = Math.min(i, j);
      let s = 0;
      for (let m = 0; m < kmax; m++) s += (lu[i * k + m] as number) * (luColumn[m] as number);
      luColumn[i] = (luColumn[i] as number) - s;
      lu[i * k + j] = luColumn[i] as number;
    }
    let p = j;
    for (let i = j + 1; i < k; i++) if (Math.abs(luColumn[i] as number) > Math.abs(luColumn[p] as number)) p = i;
    if (p !== j) {
      for (let m = 0; m < k; m++) {
        const t = lu[p * k + m] as number;
        lu[p * k + m] = lu[j * k + m] as number;
        lu[j * k + m] = t;
      }
      const v = pivot[p] as number;
      pivot[p] = pivot[j] as number;
      pivot[j] = v;
    }
    const diagonal = lu[j * k + j] as number;
    if (diagonal !== 0) for (let i = j + 1; i < k; i++) lu[i * k + j] = (lu[i * k + j] as number) / diagonal;
  }
  for (let j = 0; j < k; j++) if (lu[j * k + j] === 0) return null;

  // Solve LU X = P I column by column; only X's diagonal is kept.
  const out = new Float64Array(k);
  const x = new Float64Array(k);
  for (let col = 0; col < k; col++) {
    for (let i = 0; i < k; i++) x[i] = pivot[i] === col ? 1 : 0;
    for (let m = 0; m < k; m++) {
      for (let i = m + 1; i < k; i++) x[i] = (x[i] as number) - (x[m] as number) * (lu[i * k + m] as number);
    }
    for (let m = k - 1; m >= 0; m--) {
      x[m] = (x[m] as number) / (lu[m * k + m] as number);
      for (let i = 0; i < m; i++) x[i] = (x[i] as number) - (x[m] as number) * (lu[i * k + m] as number);
    }
    out[col] = x[col] as number;
  }
  return out;
}
