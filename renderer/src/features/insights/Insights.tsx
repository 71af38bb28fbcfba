// The Insights screen: how lower-back pain moves with core work, in charts and honest numbers.
// Every figure comes unchanged from shared/insights (the same as the CLI and the CSV export).
import { useEffect, useMemo, useState } from 'react';
import type { InsightsCharts, TimeRange } from '../../../../shared/insights/charts';
import { TIME_RANGES } from '../../../../shared/insights/charts';
import { HEADLINE_MIN_WEEKS, MIN_PAIRS } from '../../../../shared/insights/thresholds';
import type { InsightsReport } from '../../../../shared/insights/types';
import { api } from '../../api/client';
import { useAppData } from '../../hooks/useAppData';
import { Choice } from './ChartCard';
import { SCREEN_LOCALE } from './format';
import { DayLevelCard } from './DayLevelCard';
import { ExperimentSection } from '../experiment/ExperimentSection';
import { EnduranceChart } from './EnduranceChart';
import { FlagsList } from './FlagsList';
import { HeadlineCard } from './HeadlineCard';
import './insights.css';
import { PainMapChart } from './PainMapChart';
import { PersistentPainCard } from './PersistentPainCard';
import { RelationshipCard } from './RelationshipCard';
import { ShoeDistanceCard } from './ShoeDistanceCard';
import { shownWeeks } from './series';
import { TrendChart } from './TrendChart';
import { useChartTheme } from './useChartTheme';

interface Loaded {
  report: InsightsReport;
  charts: InsightsCharts;
}

const RANGE_OPTIONS = TIME_RANGES.map((r) => ({ value: r.id, label: r.label }));

/** The persistent-pain card speaks about now: flags from the last this-many weeks. */
const RECENT_WEEKS = 8;

function recentPersistentFlags(report: InsightsReport): InsightsReport['flags'] {
  const from = report.weeks[Math.max(0, report.weeks.length - RECENT_WEEKS)]?.weekStart ?? '';
  return report.flags.filter((flag) => flag.ruleId === 'persistent-pain' && flag.date >= from);
}

export function Insights({
  onLog,
  onReport,
}: {
  onLog?(type: 'run' | 'pain' | 'strength'): void;
  /** Opens the Report screen (the printable summary for a physiotherapist). */
  onReport?(): void;
}) {
  const { revision, settings } = useAppData();
  const theme = useChartTheme();
  const [loaded, setLoaded] = useState<Loaded>();
  const [error, setError] = useState<string>();
  const [range, setRange] = useState<TimeRange>('1y');

  useEffect(() => {
    let cancelled = false;
    Promise.all([api.insights.get({ locale: SCREEN_LOCALE }), api.insights.charts()])
      .then(([report, charts]) => {
        if (cancelled) return;
        setLoaded({ report, charts });
        setError(undefined);
      })
      .catch((e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [revision, settings.weekStartsOn, settings.distanceUnit]);

  const weekStarts = useMemo(() => loaded?.report.weeks.map((w) => w.weekStart) ?? [], [loaded]);
  const shown = useMemo(() => shownWeeks(weekStarts, range), [weekStarts, range]);

  return (
    <section aria-labelledby="insights-title" className="insights">
      <div className="section-header">
        <h1 id="insights-title">Insights</h1>
        {loaded && loaded.report.weeks.length > 0 && (
          <Choice label="Time range" options={RANGE_OPTIONS} value={range} onChange={setRange} />
        )}
        {onReport && (
          <button type="button" onClick={onReport}>
            Report for your physio…
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="form-error">
          Could not compute the insights: {error}
        </p>
      )}
      {!loaded && !error && <p className="muted">Working out your insights…</p>}
      {loaded && loaded.report.weeks.length === 0 && <EmptyInsights onLog={onLog} />}
      {loaded && loaded.report.weeks.length > 0 && (
        <>
          <p className="insights__intro">
            How your lower-back pain moves with your core work, week by week. Everything here is an association in your
            own log — a pattern to look at, not proof of cause — and each number says how many weeks it rests on. The
            week in progress is shown as “this week so far” and is not part of any analysis.
          </p>
          <HeadlineCard headline={loaded.report.headline} />
          <PersistentPainCard flags={recentPersistentFlags(loaded.report)} />
          <TrendChart
            weeks={loaded.report.weeks}
            flags={loaded.report.flags}
            shown={shown}
            unit={settings.distanceUnit}
            theme={theme}
          />
          <h2 className="insights__exploration-title">Exploration</h2>
          <p className="insights__intro">
            These figures describe your log from more angles. They are exploratory: looked at several ways at once, some
            will show a pattern by chance, and they are not adjusted the way the answer above is. The p-values of the
            three lags are also given adjusted for looking three times (Holm).
          </p>
          <div className="insights__pair">
            <RelationshipCard weeks={loaded.report.weeks} correlations={loaded.report.correlations} theme={theme} />
            <DayLevelCard dayLevel={loaded.report.dayLevel} />
          </div>
          <PainMapChart painMap={loaded.charts.painMap} shown={shown} theme={theme} />
          <EnduranceChart endurance={loaded.charts.endurance} weeks={loaded.report.weeks} shown={shown} theme={theme} />
          <ShoeDistanceCard shoeDistance={loaded.charts.shoeDistance} unit={settings.distanceUnit} />
          <FlagsList flags={loaded.report.flags} />
        </>
      )}
      {(loaded || error) && <ExperimentSection />}
    </section>
  );
}

function EmptyInsights({ onLog }: { onLog?: ((type: 'run' | 'pain' | 'strength') => void) | undefined }) {
  return (
    <div className="empty-state">
      <h2>No insights yet</h2>
      <p>
        Insights compare how often you do core work with how your lower back feels. To get them, log three things for a
        few weeks:
      </p>
      <ul className="insights__empty-list">
        <li>your core sessions (plank, side plank, glute bridge and the like; hold times in seconds),</li>
        <li>a lower-back pain rating a few times a week, 0 to 10 (0 counts: it means no pain),</li>
        <li>your runs, so the numbers can allow for how much you ran.</li>
      </ul>
      <p>
        Once {HEADLINE_MIN_WEEKS} weeks in a row (or nearly) have back-pain ratings, the answer to whether your back
        hurts less the week after more core work is shown here, with how certain it is; the exploratory correlations
        appear from {MIN_PAIRS} weeks.
      </p>
      {onLog && (
        <div className="empty-state__actions">
          <button type="button" className="primary" onClick={() => onLog('strength')}>
            Log a core session
          </button>
          <button type="button" onClick={() => onLog('pain')}>
            Rate your pain
          </button>
          <button type="button" onClick={() => onLog('run')}>
            Log a run
          </button>
        </div>
      )}
    </div>
  );
}
