// Output shapes of the insights computations (shared by UI, CLI and CSV export).
export interface WeekSummary {
  /** First day of the week, YYYY-MM-DD (week start is the user's setting). */
  weekStart: string;
  coreSessions: number;
  runKm: number;
  runs: number;
  /** Mean of the week's daily means of lower-back scores (each day counts once), or null. */
  meanBackPain: number | null;
  maxBackPain: number | null;
  painDays: number;
  /** The week holding today: shown as "this week so far", never part of an analysis. */
  inProgress: boolean;
  /** No run, pain rating or session at all: unknown, left out of every analysis (not 0 core). */
  nothingLogged: boolean;
}

export interface LagCorrelation {
  lag: 0 | 1 | 2;
  n: number;
  rho: number | null;
  pValue: number | null;
  ci95: [number, number] | null;
  partialRho: number | null;
  /** p adjusted over the three lags (Holm), or null when no rho is shown. */
  pHolm: number | null;
  /** 95% interval of the partial rho (Fisher z), or null. */
  partialCi95: [number, number] | null;
  /** p of the partial rho, from the same z as its interval, or null. */
  partialPValue: number | null;
  /** Why no rho is shown (too few weeks, constant series), or null. */
  reason: string | null;
  /** Plain-language, non-causal sentence for the UI. */
  sentence: string;
}

export interface DayLevelComparison {
  withCore: { n: number; meanPain: number | null };
  withoutCore: { n: number; meanPain: number | null };
  difference: number | null;
  ci95: [number, number] | null;
  reason: string | null;
  /**
   * The same comparison adjusted for the previous day's back pain (a regression of the day's
   * pain on "a core session the day before" and the previous day's pain), over days whose
   * previous day also has a rating. Null with `adjustedReason` when it cannot be computed.
   */
  adjusted: { n: number; difference: number; ci95: [number, number]; pValue: number } | null;
  adjustedReason: string | null;
}

export type HeadlineClaim = 'association' | 'no_clear_association' | 'not_enough_data';

/** The one pre-specified analysis that answers the app's question (see headline.ts). */
export interface Headline {
  claim: HeadlineClaim;
  /** Back-pain points per extra core session in the previous week (negative = less pain), or null. */
  estimate: number | null;
  ci95: [number, number] | null;
  pValue: number | null;
  /** Weeks the model rests on (each with a complete previous week). */
  n: number;
  /** The model in words. */
  method: string;
  /** With not_enough_data for too few weeks: how many more usable weeks are needed; else null. */
  weeksNeeded: number | null;
  /** The result as one plain sentence for the screen and the CLI. */
  sentence: string;
}

export type FlagRuleId = 'pain-during-run' | 'morning-not-settled' | 'weekly-rise' | 'run-spike' | 'persistent-pain';

export interface Flag {
  /** The rule that was broken, as a short title ("Pain during a run above 5/10"). */
  rule: string;
  /** The day (or, for weekly rules, the week start) the flag belongs to, YYYY-MM-DD. */
  date: string;
  /** One or two calm sentences naming the rule and its source. */
  detail: string;
  /** Stable id of the rule, for icons and filtering. Optional only so older code still compiles. */
  ruleId?: FlagRuleId;
  /** Ids of the runs and pain ratings behind the flag (empty for week-level rules). */
  entryIds?: string[];
}

export interface InsightsReport {
  /** The pre-specified answer, shown first; everything else is description and exploration. */
  headline: Headline;
  weeks: WeekSummary[];
  correlations: LagCorrelation[];
  dayLevel: DayLevelComparison;
  flags: Flag[];
}
