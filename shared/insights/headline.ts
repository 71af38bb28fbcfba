// The headline: one analysis, fixed before looking at any log, that answers "does my back hurt
// less the week after I do more core work?". Chosen so that the things that fooled the plain
// correlations cannot: weeks that carry over (the previous week's pain is in the model), a
// shared drift such as natural recovery (a linear trend), running more or less (the week's
// distance), and pain steering core work (the core sessions come from the week before the
// pain week, compared among weeks that started from the same pain). It is still a log, not an
// experiment: anything else that moves core work and pain together is not removed.
import { Calendar } from './dates';
import type { LogIndex } from './log';
import { olsColumns } from './regression';
import { isConstant } from './stats';
import type { Headline } from './types';
import { isAnalysableWeek, weekMeanPain, weeklyTotals } from './weekly';

import { HEADLINE_MIN_WEEKS } from './thresholds';

export { HEADLINE_MIN_WEEKS };
/** The headline groups days Monday to Sunday whatever the display setting, so it cannot swing with it. */
export const HEADLINE_WEEK_STARTS_ON = 1;

export const HEADLINE_METHOD =
  "Least-squares regression of each week's mean back pain on the previous week's core sessions, " +
  "adjusted for the previous week's back pain, the week's running distance and a linear trend " +
  '(weeks Monday to Sunday; 95% interval and p from the t distribution).';

const CLOSING = 'This is an association in your own log, not proof that core work caused it.';

export interface HeadlineRows {
  /** Back pain of week t. */
  pain: number[];
  /** Core sessions of week t - 1. */
  prevCore: number[];
  /** Back pain of week t - 1. */
  prevPain: number[];
  /** Running km of week t. */
  runKm: number[];
  /** Weeks since the first week of the log (the trend). */
  week: number[];
}

/** The rows of the model: finished weeks with back pain whose previous week is finished, logged and rated. */
export function headlineRows(index: LogIndex): HeadlineRows {
  const rows: HeadlineRows = { pain: [], prevCore: [], prevPain: [], runKm: [], week: [] };
  const totals = weeklyTotals(index, new Calendar(HEADLINE_WEEK_STARTS_ON));
  if (totals === null) return rows;
  for (let t = 1; t < totals.count; t++) {
    if (!isAnalysableWeek(totals, t) || !isAnalysableWeek(totals, t - 1)) continue;
    const pain = weekMeanPain(totals, t);
    const prevPain = weekMeanPain(totals, t - 1);
    if (pain === null || prevPain === null) continue;
    rows.pain.push(pain);
    rows.prevCore.push(totals.core[t - 1] as number);
    rows.prevPain.push(prevPain);
    rows.runKm.push(totals.km[t] as number);
    rows.week.push(t);
  }
  return rows;
}

/** A size in pain points: two decimals below 1, one above. */
function points(x: number): string {
  return Math.abs(x).toFixed(Math.abs(x) >= 1 ? 1 : 2);
}

function side(x: number): string {
  return x < 0 ? 'less' : 'more';
}

function intervalText(ci: [number, number]): string {
  const [lo, hi] = ci;
  if (lo < 0 && hi < 0) return `${points(hi)} to ${points(lo)} less`;
  if (lo > 0 && hi > 0) return `${points(lo)} to ${points(hi)} more`;
  return `${points(lo)} less to ${points(hi)} more`;
}

function pText(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(p < 0.01 ? 3 : 2)}`;
}

function weeksText(n: number): string {
  return n === 1 ? '1 week' : `${n} weeks`;
}

function notEnough(n: number, reason: string, weeksNeeded: number | null): Headline {
  return {
    claim: 'not_enough_data',
    estimate: null,
    ci95: null,
    pValue: null,
    n,
    method: HEADLINE_METHOD,
    weeksNeeded,
    sentence: reason,
  };
}

export function fitHeadline(rows: HeadlineRows): Headline {
  const n = rows.pain.length;
  if (n < HEADLINE_MIN_WEEKS) {
    const more = HEADLINE_MIN_WEEKS - n;
    return notEnough(
      n,
      `Not enough weeks yet: the answer needs ${HEADLINE_MIN_WEEKS} finished weeks with back-pain ratings, each ` +
        `following a week that also has them; ${n === 0 ? 'none so far' : `${weeksText(n)} so far`}, so ` +
        `${more} more ${more === 1 ? 'week is' : 'weeks are'} needed.`,
      more,
    );
  }
  if (isConstant(rows.prevCore)) {
    return notEnough(
      n,
      'Your number of core sessions was the same every week, so there is nothing to compare yet: ' +
        'weeks with more and with fewer sessions are both needed.',
      null,
    );
  }
  // A column that never changes (no runs logged at all, say) carries nothing to adjust for.
  const columns: number[][] = [rows.prevCore, rows.prevPain, rows.runKm, rows.week].filter(
    (column, j) => j === 0 || !isConstant(column),
  );
  const fit = olsColumns([new Float64Array(n).fill(1), ...columns], rows.pain);
  const core = fit?.coefficients[1];
  if (!fit || !core) {
    return notEnough(
      n,
      'Your core sessions moved in lockstep with the other things the answer allows for (or fitted them ' +
        'exactly), so their part cannot be told apart yet.',
      null,
    );
  }
  const claim = core.pValue < 0.05 ? 'association' : 'no_clear_association';
  const ci = core.ci95;
  const from = `from ${n} weeks, each compared with the week before`;
  const sentence =
    claim === 'association'
      ? `About ${points(core.estimate)} points ${side(core.estimate)} back pain the week after each extra core ` +
        `session (95% interval ${intervalText(ci)}), ${from} (${pText(core.pValue)}). ${CLOSING}`
      : `No clear pattern: each extra core session went with ${points(core.estimate)} points ${side(core.estimate)} ` +
        `back pain the following week, but the 95% interval runs from ${intervalText(ci)}, so your log cannot ` +
        `tell yet whether it is less or more (${from}; ${pText(core.pValue)}).`;
  return {
    claim,
    estimate: core.estimate,
    ci95: ci,
    pValue: core.pValue,
    n,
    method: HEADLINE_METHOD,
    weeksNeeded: null,
    sentence,
  };
}

export function buildHeadline(index: LogIndex): Headline {
  return fitHeadline(headlineRows(index));
}
