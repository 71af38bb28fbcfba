// Flags: days and weeks that broke a rule of the pain-monitoring model (Silbernagel et al.
// 2007), a single-run load spike (Frandsen et al. 2025), or that call for professional advice.
// Each rule walks pre-grouped data once; nothing compares every entry with every other.
import type { PainRating, Run } from '../model';
import type { TextFormat } from '../textFormat';
import { compareText, nextDaySlot, type LogIndex } from './log';
import type { Flag, FlagRuleId, WeekSummary } from './types';

/** A flag as this module makes it: the optional fields of Flag are always filled in. */
export interface InsightFlag extends Flag {
  ruleId: FlagRuleId;
  entryIds: string[];
}

export const RULE_TITLES: Record<FlagRuleId, string> = {
  'pain-during-run': 'Pain during a run above 5/10',
  'morning-not-settled': 'Pain not settled by the next morning',
  'weekly-rise': 'Weekly back pain rising two weeks in a row, by more than 1 point',
  'run-spike': 'Single run more than 10% longer than the 30-day longest',
  'persistent-pain': 'Persistent back pain',
};

const MODEL = 'the pain-monitoring model (Silbernagel et al. 2007)';
/** Highest acceptable pain during a run in the pain-monitoring model. */
export const MAX_PAIN_DURING_RUN = 5;
/** A run longer than (1 + this) × the 30-day longest counts as a spike. */
export const SPIKE_MARGIN = 0.1;
export const SPIKE_WINDOW_DAYS = 30;
export const PERSISTENT_WEEKS = 3;
export const PERSISTENT_MIN_MEAN = 3;
/** Weekly back pain must rise by more than this over the two rises: smaller moves are noise. */
export const WEEKLY_RISE_MIN = 1;
/** A next-morning score this much above the baseline is a meaningful rise (smaller ones are noise)... */
export const MORNING_RISE_MIN = 2;
/** ...as is any rise to a score above the model's acceptable level. */
export const MORNING_ACCEPTABLE = 5;
/** Two bone-like days this close (both inside one 28-day window) count as repeated. */
export const BONE_LIKE_WINDOW_DAYS = 28;

const LOCATION_TEXT: Record<PainRating['location'], string> = {
  lower_back: 'lower back',
  hip: 'hip',
  knee: 'knee',
  ankle: 'ankle',
  other: 'other',
};

/** Up to two decimals without trailing zeros: 2.5, 2.33, 10. */
function num(x: number): string {
  return String(Number(x.toFixed(2)));
}

/** Without a format from the caller: km and ISO dates, the same on every machine. */
const PLAIN_FORMAT: TextFormat = { distance: (km) => `${num(km)} km`, date: (isoDate) => isoDate };

/** How this log's texts write distances and dates (the user's unit and locale, when given). */
function formatOf(index: LogIndex): TextFormat {
  return index.input.format ?? PLAIN_FORMAT;
}

function flag(ruleId: FlagRuleId, date: string, detail: string, entryIds: string[]): InsightFlag {
  return { rule: RULE_TITLES[ruleId], date, detail, ruleId, entryIds };
}

/** Rule 1: pain above 5/10 during a run, at any location. */
export function painDuringRunFlags(pain: readonly PainRating[]): InsightFlag[] {
  const out: InsightFlag[] = [];
  for (const r of pain) {
    if (r.timing !== 'during_run' || r.score <= MAX_PAIN_DURING_RUN) continue;
    out.push(
      flag(
        'pain-during-run',
        r.date,
        `Pain during the run was ${r.score}/10 (${LOCATION_TEXT[r.location]}); ${MODEL} accepts up to ${MAX_PAIN_DURING_RUN}/10.`,
        r.runId ? [r.id, r.runId] : [r.id],
      ),
    );
  }
  return out;
}

/**
 * Rule 2: back pain the morning after a run should be back to where it was before the run.
 * Baseline: the latest lower-back rating before the run day, or on the run day itself when
 * it was not taken during or after the run. Runs on the same day share one check.
 */
export function morningNotSettledFlags(index: LogIndex): InsightFlag[] {
  const { days, backRatings, backRatingStart, runStart } = index;
  const out: InsightFlag[] = [];
  // The latest slot before the current one with a lower-back rating.
  let ratedSlot = -1;
  for (let i = 0; i < days.length; i++) {
    const ratedBefore = ratedSlot;
    if ((backRatingStart[i + 1] as number) > (backRatingStart[i] as number)) ratedSlot = i;
    if (runStart[i + 1] === runStart[i]) continue;
    const next = nextDaySlot(index, i);
    if (next < 0) continue;

    // A day's ratings are in the order they were taken, so the next-morning ones come first,
    // then the rest-day ones, then those during and after a run.
    let worst: PainRating | undefined;
    for (let r = backRatingStart[next] as number; r < (backRatingStart[next + 1] as number); r++) {
      const rating = backRatings[r] as PainRating;
      if (rating.timing !== 'next_morning') break;
      if (!worst || rating.score > worst.score) worst = rating;
    }
    if (!worst) continue;

    let baseline: PainRating | undefined;
    for (let r = backRatingStart[i] as number; r < (backRatingStart[i + 1] as number); r++) {
      const rating = backRatings[r] as PainRating;
      if (rating.timing === 'during_run' || rating.timing === 'after_run') break;
      baseline = rating;
    }
    if (!baseline && ratedBefore >= 0) baseline = backRatings[(backRatingStart[ratedBefore + 1] as number) - 1];
    if (!baseline) continue;

    if (worst.score <= baseline.score) continue;
    // 1/10 after 0/10 is within the noise of a rating: only a meaningful rise, or a rise to a
    // score the model would not accept, breaks the rule.
    if (worst.score - baseline.score < MORNING_RISE_MIN && worst.score <= MORNING_ACCEPTABLE) continue;

    const runs = index.runs
      .slice(runStart[i], runStart[i + 1])
      .sort((a, b) => compareText(a.startTime ?? '', b.startTime ?? '') || compareText(a.id, b.id));
    const runDate = formatOf(index).date(index.cal.date(days[i] as number));
    out.push(
      flag(
        'morning-not-settled',
        worst.date,
        `Back pain the morning after the run on ${runDate} was ${worst.score}/10, up from the ` +
          `${baseline.score}/10 logged before it; ${MODEL} expects pain to settle back to its usual level by the next ` +
          `morning (Backstride flags a rise of ${MORNING_RISE_MIN} points or more, or any rise above ${MORNING_ACCEPTABLE}/10).`,
        [...runs.map((r) => r.id), baseline.id, worst.id],
      ),
    );
  }
  return out;
}

/**
 * Rule 3: weekly back pain up two weeks in a row (three strictly rising finished weeks) and by
 * more than WEEKLY_RISE_MIN overall: two small rises in a row happen often by chance alone.
 */
export function weeklyRiseFlags(weeks: readonly WeekSummary[]): InsightFlag[] {
  const out: InsightFlag[] = [];
  for (let w = 2; w < weeks.length; w++) {
    const a = weeks[w - 2]?.meanBackPain ?? null;
    const b = weeks[w - 1]?.meanBackPain ?? null;
    const week = weeks[w];
    const c = week?.meanBackPain ?? null;
    // The week in progress is not finished: its mean can still move either way.
    if (!week || week.inProgress || a === null || b === null || c === null || !(a < b && b < c)) continue;
    // The slack keeps a rise of exactly 1 (4.67 after 3.67, in binary) unflagged.
    if (!(c - a > WEEKLY_RISE_MIN + 1e-9)) continue;
    out.push(
      flag(
        'weekly-rise',
        week.weekStart,
        `Average back pain rose two weeks in a row (${num(a)}, ${num(b)}, then ${num(c)} out of 10). ` +
          `Backstride reads ${MODEL}, which was studied in Achilles tendon pain, as saying that pain should not ` +
          `creep up from week to week, and flags a rise of more than ${WEEKLY_RISE_MIN} point over two weeks.`,
        [],
      ),
    );
  }
  return out;
}

/** "15%", "10.5%"; a spike that rounds to 10% still broke the rule, so it reads "just over 10%". */
function spikePercent(x: number): string {
  const shown = Number(x.toFixed(1));
  return shown <= SPIKE_MARGIN * 100 ? `just over ${SPIKE_MARGIN * 100}%` : `${String(shown)}%`;
}

/**
 * Rule 4: one run more than 10% longer than the longest run of the previous 30 days
 * (days D-30..D-1), only when that window has a run and lies wholly within the logged running
 * history: the runs before the first one in the log (an import that starts the history, say)
 * are unknown, so the first 30 days are never compared, and neither is the first run after more
 * than 30 days without runs. A monotone queue of (day, longest run that day) gives each window's
 * maximum in linear time.
 */
export function runSpikeFlags(index: LogIndex): InsightFlag[] {
  const { days, runs, runStart } = index;
  // The queue, oldest first: head..tail of these two arrays (a day at most once).
  const queueDay = new Int32Array(days.length);
  const queueKm = new Float64Array(days.length);
  let head = 0;
  let tail = 0;
  let firstRunDay: number | null = null;
  const out: InsightFlag[] = [];
  const format = formatOf(index);
  for (let i = 0; i < days.length; i++) {
    const runsTo = runStart[i + 1] as number;
    if (runStart[i] === runsTo) continue;
    const day = days[i] as number;
    firstRunDay ??= day;
    while (head < tail && (queueDay[head] as number) < day - SPIKE_WINDOW_DAYS) head++;
    // The window has a run and starts on or after the first run in the log.
    const comparable = head < tail && day - SPIKE_WINDOW_DAYS >= firstRunDay;
    const longestDay = queueDay[head] as number;
    const longestKm = queueKm[head] as number;
    let dayMax = 0;
    for (let r = runStart[i] as number; r < runsTo; r++) {
      const run = runs[r] as Run;
      dayMax = Math.max(dayMax, run.distanceKm);
      // The tiny relative slack keeps "exactly 10% longer" (e.g. 11 vs 10 × 1.1 in binary) unflagged.
      if (!comparable || !(run.distanceKm > longestKm * (1 + SPIKE_MARGIN) * (1 + 1e-9))) continue;
      out.push(
        flag(
          'run-spike',
          run.date,
          `This ${format.distance(run.distanceKm)} run was ${spikePercent((run.distanceKm / longestKm - 1) * 100)} longer than ` +
            `your longest run of the previous 30 days (${format.distance(longestKm)} on ${format.date(index.cal.date(longestDay))}). ` +
            'In a study of 5,200 runners, single runs more than 10% longer than the 30-day longest were ' +
            'linked to more overuse injuries (Frandsen et al., BJSM 2025).',
          [run.id],
        ),
      );
    }
    // Days that can never again be a window's maximum are dropped from the back.
    while (tail > head && (queueKm[tail - 1] as number) <= dayMax) tail--;
    queueDay[tail] = day;
    queueKm[tail] = dayMax;
    tail++;
  }
  return out;
}

const SEE_SOMEONE =
  'It may help to see a physical therapist or doctor, who can find out what kind of pain this is ' +
  'and suggest a plan.';

/**
 * Rule 5: persistent pain (three finished weeks in a row with mean back pain ≥ 3, whatever the
 * core work; one flag per streak), or bone-like aching on two days within 28 days (one flag per
 * 28 days at most, so a long spell does not repeat the same advice daily).
 */
export function persistentPainFlags(index: LogIndex, weeks: readonly WeekSummary[]): InsightFlag[] {
  const out: InsightFlag[] = [];
  const format = formatOf(index);

  let streak = 0;
  for (let w = 0; w < weeks.length; w++) {
    const week = weeks[w];
    if (!week) continue;
    const qualifies = !week.inProgress && week.meanBackPain !== null && week.meanBackPain >= PERSISTENT_MIN_MEAN;
    streak = qualifies ? streak + 1 : 0;
    if (streak !== PERSISTENT_WEEKS) continue;
    const from = weeks[w - PERSISTENT_WEEKS + 1]?.weekStart ?? week.weekStart;
    out.push(
      flag(
        'persistent-pain',
        week.weekStart,
        `Back pain has averaged ${PERSISTENT_MIN_MEAN}/10 or more for ${PERSISTENT_WEEKS} weeks in a row ` +
          `(since the week of ${format.date(from)}). ${SEE_SOMEONE}`,
        [],
      ),
    );
  }

  // Bone-like aching: distinct days with a lower-back rating of that kind (score above 0).
  const { days, backRatings, backRatingStart } = index;
  const boneLike = (r: PainRating): boolean => r.kind === 'bone_like' && r.score > 0;
  const boneLikeIds = (i: number): string[] =>
    backRatings
      .slice(backRatingStart[i], backRatingStart[i + 1])
      .filter(boneLike)
      .map((r) => r.id)
      .sort();
  let prevSlot = -1;
  let lastFlagged: number | null = null;
  for (let i = 0; i < days.length; i++) {
    let any = false;
    for (let r = backRatingStart[i] as number; r < (backRatingStart[i + 1] as number) && !any; r++) {
      any = boneLike(backRatings[r] as PainRating);
    }
    if (!any) continue;
    const prevBoneSlot = prevSlot;
    prevSlot = i;
    if (prevBoneSlot < 0) continue;
    const day = days[i] as number;
    const prev = days[prevBoneSlot] as number;
    if (day - prev > BONE_LIKE_WINDOW_DAYS - 1) continue;
    if (lastFlagged !== null && day - lastFlagged < BONE_LIKE_WINDOW_DAYS) continue;
    lastFlagged = day;
    out.push(
      flag(
        'persistent-pain',
        index.cal.date(day),
        `A bone-like ache in the lower back was logged on ${format.date(index.cal.date(prev))} and again on ` +
          `${format.date(index.cal.date(day))}. An ache of this kind is worth having looked at: consider seeing a ` +
          'physical therapist or doctor. A doctor may order imaging if a bone-stress injury is possible ' +
          '(an x-ray misses most of them; an MRI finds them).',
        [...boneLikeIds(prevBoneSlot), ...boneLikeIds(i)],
      ),
    );
  }
  return out;
}

const RULE_ORDER: Record<FlagRuleId, number> = {
  'pain-during-run': 0,
  'morning-not-settled': 1,
  'weekly-rise': 2,
  'run-spike': 3,
  'persistent-pain': 4,
};

/** All flags, sorted by date, then rule, then entry id, so entry order never shows through. */
export function buildFlags(index: LogIndex, weeks: readonly WeekSummary[]): InsightFlag[] {
  const all = [
    ...painDuringRunFlags(index.input.pain),
    ...morningNotSettledFlags(index),
    ...weeklyRiseFlags(weeks),
    ...runSpikeFlags(index),
    ...persistentPainFlags(index, weeks),
  ];
  return all.sort(
    (a, b) =>
      compareText(a.date, b.date) ||
      RULE_ORDER[a.ruleId] - RULE_ORDER[b.ruleId] ||
      compareText(a.entryIds[0] ?? '', b.entryIds[0] ?? ''),
  );
}
