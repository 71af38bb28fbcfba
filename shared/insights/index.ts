// The insights report: pure functions over the log (no I/O), shared by the app and the CLI.
import { buildCorrelations } from './correlation';
import { buildDayLevel } from './dayLevel';
import { buildFlags } from './flags';
import { buildHeadline } from './headline';
import { indexLog } from './log';
import type { InsightsInput } from './log';
import type { InsightsReport } from './types';
import { buildWeeklySeries } from './weekly';

export function buildInsightsReport(input: InsightsInput): InsightsReport {
  const index = indexLog(input);
  const series = buildWeeklySeries(index);
  return {
    headline: buildHeadline(index),
    weeks: series.weeks,
    correlations: buildCorrelations(series),
    dayLevel: buildDayLevel(index),
    flags: buildFlags(index, series.weeks),
  };
}

export type * from './types';
export type { InsightsInput, LogIndex } from './log';
export { indexLog } from './log';
export { Calendar, assertWeekStartsOn } from './dates';
export { buildWeeklySeries, isAnalysable } from './weekly';
export {
  buildHeadline,
  fitHeadline,
  headlineRows,
  HEADLINE_METHOD,
  HEADLINE_MIN_WEEKS,
  HEADLINE_WEEK_STARTS_ON,
} from './headline';
export type { HeadlineRows } from './headline';
export { ols } from './regression';
export type { Coefficient, OlsFit } from './regression';
export type { WeeklySeries } from './weekly';
export { buildCorrelations, correlatePairs, lagCorrelation, pairWeeks, LAGS, MIN_PAIRS } from './correlation';
export type { PairedSeries } from './correlation';
export { buildDayLevel, compareDayGroups, dayLevelGroups, MIN_DAYS_PER_GROUP } from './dayLevel';
export type { DayGroups } from './dayLevel';
export {
  buildFlags,
  morningNotSettledFlags,
  painDuringRunFlags,
  persistentPainFlags,
  runSpikeFlags,
  weeklyRiseFlags,
  RULE_TITLES,
} from './flags';
export type { InsightFlag } from './flags';
export {
  constantSeriesReason,
  correlationSentence,
  formatCorrelation,
  tooFewPairsReason,
  NEGLIGIBLE_RHO,
} from './sentence';
export type { Lag } from './sentence';
export {
  bonettWrightCI,
  fisherInference,
  holmAdjust,
  partialCorrelation,
  partialSpearman,
  spearman,
  spearmanPValue,
  spearmanRho,
} from './spearman';
export type { SpearmanResult } from './spearman';
export {
  averageRanks,
  mean,
  normalTwoSidedP,
  pearson,
  sampleVariance,
  studentTCdf,
  studentTQuantile,
  twoSidedTPValue,
  welchTTest,
  Z_975,
} from './stats';
export type { WelchResult } from './stats';
export { EMERGENCY_SIGNS, PROMPT_SIGNS, WARNING_SIGN_GROUPS } from './warningSigns';
export type { WarningSignGroup } from './warningSigns';
