// The day-level comparison (exploratory): back pain on days after a core-session day against
// days after a day without one, raw (Welch) and adjusted for the previous day's pain, side by side.
import { useId } from 'react';
import type { DayLevelComparison } from '../../../../shared/insights/types';
import { formatOne } from './format';

function signed(x: number): string {
  const text = x.toFixed(2);
  return text === '-0.00' ? '0.00' : x > 0 ? `+${text}` : text;
}

function summary(d: DayLevelComparison): string | null {
  if (d.difference === null || !d.ci95) return null;
  const size = Math.abs(d.difference).toFixed(2);
  const direction =
    Math.abs(d.difference) < 0.05
      ? 'Back pain was about the same on days after a core session as on other days'
      : `Back pain averaged ${size} ${size === '1.00' ? 'point' : 'points'} ${d.difference < 0 ? 'lower' : 'higher'} on days after a core session than on other days`;
  const unclear =
    d.ci95[0] <= 0 && d.ci95[1] >= 0
      ? ' The interval includes 0: your log is compatible with no difference, or one either way.'
      : '';
  return `${direction}.${unclear} This is an association in your own log, not proof of cause.`;
}

export function DayLevelCard({ dayLevel }: { dayLevel: DayLevelComparison }) {
  const headingId = useId();
  const text = summary(dayLevel);
  return (
    <section className="insight-card" aria-labelledby={headingId}>
      <h2 id={headingId}>Day by day: after a core session vs. other days (exploratory)</h2>
      <p className="insight-card__note">
        A day’s back pain is the mean of its lower-back ratings. Days that follow a day with a core session are compared
        with days that follow a day without one. If you skip core work on bad days, the raw difference makes core work
        look better than it is, so the difference among days that started from the same pain the day before is shown
        beside it.
      </p>
      <dl className="insight-stats">
        <div>
          <dt>After a core-session day</dt>
          <dd>
            {dayLevel.withCore.n} days, mean {formatOne(dayLevel.withCore.meanPain)}/10
          </dd>
        </div>
        <div>
          <dt>After other days</dt>
          <dd>
            {dayLevel.withoutCore.n} days, mean {formatOne(dayLevel.withoutCore.meanPain)}/10
          </dd>
        </div>
        {dayLevel.difference !== null && dayLevel.ci95 && (
          <div className="insight-stats__wide">
            <dt>Difference (after core minus other)</dt>
            <dd>
              {signed(dayLevel.difference)} points (95% interval {signed(dayLevel.ci95[0])} to{' '}
              {signed(dayLevel.ci95[1])})
            </dd>
          </div>
        )}
        <div className="insight-stats__wide">
          <dt>Adjusted for the previous day’s pain</dt>
          <dd>
            {dayLevel.adjusted
              ? `${signed(dayLevel.adjusted.difference)} points (95% interval ${signed(dayLevel.adjusted.ci95[0])} to ${signed(
                  dayLevel.adjusted.ci95[1],
                )}), ${dayLevel.adjusted.n} days`
              : (dayLevel.adjustedReason ?? '–')}
          </dd>
        </div>
      </dl>
      {text ? (
        <p className="insight-sentence">{text}</p>
      ) : (
        <p className="insight-reason">{dayLevel.reason ?? 'Not enough days to compare yet.'}</p>
      )}
    </section>
  );
}
