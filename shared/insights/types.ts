// Output shapes of the insights computations (shared by UI, CLI and CSV export).
export interface WeekSummary {
  /** First day of the week, YYYY-MM-DD (week start is the user's setting). */
  weekStart: string;
  coreSessions: number;
  runKm: number;
  runs: number;
  meanBackPain: number | null;
  maxBackPain: number | null;
  painDays: number;
}

export interface LagCorrelation {
  lag: 0 | 1 | 2;
  n: number;
  rho: number | null;
  pValue: number | null;
  ci95: [number, number] | null;
  partialRho: number | null;
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
  weeks: WeekSummary[];
  correlations: LagCorrelation[];
  dayLevel: DayLevelComparison;
  flags: Flag[];
}
