// Week-level correlations: core sessions in week w against mean back pain in week w + lag.
import { constantSeriesReason, correlationSentence, tooFewPairsReason } from './sentence';
import type { Lag } from './sentence';
import { fisherInference, holmAdjust, partialSpearmanOfRanks, spearmanOfRanks } from './spearman';
import { averageRanks, isConstant } from './stats';
import { MIN_PAIRS } from './thresholds';
import type { LagCorrelation, WeekSummary } from './types';
import { isAnalysable } from './weekly';
import type { WeeklySeries } from './weekly';

/** Fewer paired weeks than this and a rank correlation is mostly noise: we show none. */
export { MIN_PAIRS };

export const LAGS: readonly Lag[] = [0, 1, 2];

export interface PairedSeries {
  /** Core sessions in week w. */
  core: number[];
  /** Mean back pain in week w + lag. */
  pain: number[];
  /** Unrounded run km in week w + lag (the pain week), the control for the partial rho. */
  runKm: number[];
}

/** Whether a core week and its pain week may be paired (see pairWeeks). */
export function isPairUsable(
  coreWeek: WeekSummary,
  painWeek: WeekSummary,
): painWeek is WeekSummary & {
  meanBackPain: number;
} {
  return painWeek.meanBackPain !== null && isAnalysable(painWeek) && isAnalysable(coreWeek);
}

/**
 * The pairs behind one lag: finished weeks only (never this week so far), whose core week has
 * something logged (a week with nothing at all is unknown, not 0 core sessions) and whose pain
 * week has a lower-back rating.
 */
export function pairWeeks(series: WeeklySeries, lag: Lag): PairedSeries {
  const out: PairedSeries = { core: [], pain: [], runKm: [] };
  const { weeks, rawRunKm } = series;
  for (let w = 0; w + lag < weeks.length; w++) {
    const painWeek = weeks[w + lag];
    const coreWeek = weeks[w];
    if (!painWeek || !coreWeek || !isPairUsable(coreWeek, painWeek)) continue;
    out.core.push(coreWeek.coreSessions);
    out.pain.push(painWeek.meanBackPain);
    out.runKm.push(rawRunKm[w + lag] ?? 0);
  }
  return out;
}

/** Correlation for paired series (already lined up); `lag` only shapes the wording. */
export function correlatePairs(pairs: PairedSeries, lag: Lag): LagCorrelation {
  const n = pairs.core.length;
  const empty = (reason: string): LagCorrelation => ({
    lag,
    n,
    rho: null,
    pValue: null,
    ci95: null,
    partialRho: null,
    pHolm: null,
    partialCi95: null,
    partialPValue: null,
    reason,
    sentence: reason,
  });
  if (n < MIN_PAIRS) return empty(tooFewPairsReason(n, lag, MIN_PAIRS));
  if (isConstant(pairs.core)) return empty(constantSeriesReason('core'));
  if (isConstant(pairs.pain)) return empty(constantSeriesReason('pain'));
  // Each series is ranked once for both the plain and the partial rho.
  const coreRanks = averageRanks(pairs.core);
  const painRanks = averageRanks(pairs.pain);
  const result = spearmanOfRanks(coreRanks, painRanks);
  // Unreachable after the constant checks, but keeps the types honest.
  if (!result) return empty(constantSeriesReason('core'));
  const partialRho = partialSpearmanOfRanks(coreRanks, painRanks, averageRanks(pairs.runKm));
  const partial = partialRho === null ? null : fisherInference(partialRho, n, 1);
  return {
    lag,
    n,
    rho: result.rho,
    pValue: result.pValue,
    ci95: result.ci95,
    partialRho,
    // Filled in over the three lags by buildCorrelations.
    pHolm: result.pValue,
    partialCi95: partial?.ci95 ?? null,
    partialPValue: partial?.pValue ?? null,
    reason: null,
    sentence: correlationSentence({ lag, n, rho: result.rho, ci95: result.ci95 }),
  };
}

export function lagCorrelation(series: WeeklySeries, lag: Lag): LagCorrelation {
  return correlatePairs(pairWeeks(series, lag), lag);
}

/** The three lags, each with its p adjusted for the three looks at the data (Holm). */
export function buildCorrelations(series: WeeklySeries): LagCorrelation[] {
  const correlations = LAGS.map((lag) => lagCorrelation(series, lag));
  const shown = correlations.filter((c) => c.pValue !== null);
  const adjusted = holmAdjust(shown.map((c) => c.pValue as number));
  shown.forEach((c, i) => {
    c.pHolm = adjusted[i] as number;
  });
  return correlations;
}
