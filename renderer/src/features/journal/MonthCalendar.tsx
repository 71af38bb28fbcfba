// The month at a glance: which days had runs, core work and pain, each day a button that
// takes the journal to it. Weeks start on the day chosen in Settings.
import { useEffect, useMemo, useState } from 'react';
import { isCoreSession } from '../../../../shared/exercises';
import { Calendar, calendarDayNumber, dateOfDayNumber } from '../../../../shared/insights/dates';
import { localToday, type Entry } from '../../../../shared/model';
import { formatDistance, toDisplayDistance } from '../../../../shared/units';
import { api } from '../../api/client';
import { useAppData } from '../../hooks/useAppData';
import { formatDay } from './entrySummary';

interface DayMarks {
  runs: number;
  km: number;
  core: boolean;
  maxPain: number | undefined;
}

const monthFormatter = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const weekdayFormatter = new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' });
const weekdayLongFormatter = new Intl.DateTimeFormat(undefined, { weekday: 'long', timeZone: 'UTC' });

/** 'YYYY-MM' moved by `delta` months. */
function shiftMonth(month: string, delta: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function lastDayOf(month: string): string {
  return dateOfDayNumber(calendarDayNumber(`${shiftMonth(month, 1)}-01`) - 1);
}

function describeDay(date: string, marks: DayMarks | undefined, unit: 'km' | 'mi'): string {
  const parts: string[] = [];
  if (marks?.runs)
    parts.push(`${marks.runs} ${marks.runs === 1 ? 'run' : 'runs'}, ${formatDistance(marks.km, unit, 1)}`);
  if (marks?.core) parts.push('core session');
  if (marks?.maxPain !== undefined) parts.push(`pain up to ${marks.maxPain}/10`);
  return `${formatDay(date)}: ${parts.length ? parts.join(', ') : 'nothing logged'}`;
}

export function MonthCalendar({ onJump }: { onJump(date: string): void }) {
  const { settings, revision } = useAppData();
  const today = localToday();
  const [month, setMonth] = useState(today.slice(0, 7));
  const [entries, setEntries] = useState<Entry[]>([]);
  const unit = settings.distanceUnit;

  useEffect(() => {
    let cancelled = false;
    const to = lastDayOf(month) < today ? lastDayOf(month) : today;
    const from = `${month}-01`;
    (from > today ? Promise.resolve({ entries: [] }) : api.journal.list({ from, to, limit: 2000 }))
      .then((page) => !cancelled && setEntries(page.entries))
      .catch(() => !cancelled && setEntries([]));
    return () => {
      cancelled = true;
    };
  }, [month, today, revision]);

  const marks = useMemo(() => {
    const byDay = new Map<string, DayMarks>();
    for (const entry of entries) {
      const day = byDay.get(entry.record.date) ?? { runs: 0, km: 0, core: false, maxPain: undefined };
      if (entry.type === 'run') {
        day.runs += 1;
        day.km += entry.record.distanceKm;
      } else if (entry.type === 'pain') day.maxPain = Math.max(day.maxPain ?? 0, entry.record.score);
      else if (isCoreSession(entry.record, settings.customExercises)) day.core = true;
      byDay.set(entry.record.date, day);
    }
    return byDay;
  }, [entries, settings.customExercises]);

  const calendar = new Calendar(settings.weekStartsOn);
  const first = calendarDayNumber(`${month}-01`);
  const last = calendarDayNumber(lastDayOf(month));
  const gridStart = calendar.weekStartOf(first);
  const weeks: number[][] = [];
  for (let day = gridStart; day <= last; day += 7) weeks.push(Array.from({ length: 7 }, (_, i) => day + i));
  const title = monthFormatter.format(new Date(`${month}-01T00:00:00Z`));

  return (
    <section className="month-calendar" aria-labelledby="month-calendar-title">
      <div className="month-calendar__header">
        <button type="button" onClick={() => setMonth(shiftMonth(month, -1))} aria-label="Previous month">
          ‹
        </button>
        <h2 id="month-calendar-title" aria-live="polite">
          {title}
        </h2>
        <button
          type="button"
          onClick={() => setMonth(shiftMonth(month, 1))}
          aria-label="Next month"
          disabled={month >= today.slice(0, 7)}
        >
          ›
        </button>
      </div>
      <table className="month-calendar__grid">
        <caption className="visually-hidden">
          {title}: runs, core sessions and pain by day. Choose a day to see it in the journal.
        </caption>
        <thead>
          <tr>
            {weeks[0]!.map((day) => {
              const date = new Date(`${dateOfDayNumber(day)}T00:00:00Z`);
              return (
                <th key={day} scope="col" abbr={weekdayLongFormatter.format(date)}>
                  {weekdayFormatter.format(date)}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const date = dateOfDayNumber(day);
                if (day < first || day > last) return <td key={day} />;
                const dayMarks = marks.get(date);
                return (
                  <td key={day}>
                    <button
                      type="button"
                      className={`month-calendar__day${date === today ? ' month-calendar__day--today' : ''}`}
                      aria-label={describeDay(date, dayMarks, unit)}
                      disabled={date > today}
                      onClick={() => onJump(date)}
                    >
                      <span className="month-calendar__number">{Number(date.slice(8))}</span>
                      <span className="month-calendar__marks" aria-hidden="true">
                        {dayMarks?.runs ? (
                          <span className="mark mark--run">{toDisplayDistance(dayMarks.km, unit).toFixed(0)}</span>
                        ) : null}
                        {dayMarks?.core ? <span className="mark mark--core">C</span> : null}
                        {dayMarks?.maxPain !== undefined ? (
                          <span className="mark mark--pain">{dayMarks.maxPain}</span>
                        ) : null}
                      </span>
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="month-calendar__legend muted" aria-hidden="true">
        <span className="mark mark--run">5</span> run ({unit}) <span className="mark mark--core">C</span> core session{' '}
        <span className="mark mark--pain">3</span> highest pain
      </p>
    </section>
  );
}
