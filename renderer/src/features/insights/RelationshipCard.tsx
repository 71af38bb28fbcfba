// Chart 2: each paired week as a point — core sessions that week (x) against mean back pain
// `lag` weeks later (y) — with the report's sentence and figures for the chosen lag.
import type { ChartData, ChartOptions, TooltipItem } from 'chart.js';
import { useMemo, useState } from 'react';
import { Chart } from 'react-chartjs-2';
import { relationshipPoints, type ScatterPoint } from '../../../../shared/insights/charts';
import type { LagCorrelation, WeekSummary } from '../../../../shared/insights/types';
import './chartSetup';
import { axis, legend, tooltipColours } from './chartOptions';
import { ChartCard, Choice, DataTable } from './ChartCard';
import { formatCorrelation, formatDate, formatInterval, formatP, plural } from './format';
import { withAlpha, type ChartTheme } from './useChartTheme';

type Lag = 0 | 1 | 2;
const LAG_OPTIONS: ReadonlyArray<{ value: Lag; label: string }> = [
  { value: 0, label: 'Same week' },
  { value: 1, label: '1 week later' },
  { value: 2, label: '2 weeks later' },
];
const LATER: Record<Lag, string> = { 0: 'the same week', 1: 'one week later', 2: 'two weeks later' };

interface RelationshipCardProps {
  weeks: readonly WeekSummary[];
  correlations: readonly LagCorrelation[];
  theme: ChartTheme;
}

export function RelationshipCard({ weeks, correlations, theme }: RelationshipCardProps) {
  const [lag, setLag] = useState<Lag>(1);
  const correlation = correlations.find((c) => c.lag === lag);
  const points = useMemo(() => relationshipPoints(weeks, lag), [weeks, lag]);
  const maxCore = points.reduce((m, p) => Math.max(m, p.coreSessions), 0);

  const data = useMemo(
    (): ChartData<'scatter', ScatterPoint[]> => ({
      datasets: [
        {
          label: `Weeks (pain measured ${LATER[lag]})`,
          data: points,
          backgroundColor: withAlpha(theme.pain, 0.6),
          borderColor: theme.pain,
          borderWidth: 1,
          pointRadius: 5,
          pointHoverRadius: 7,
        },
      ],
    }),
    [points, lag, theme],
  );

  const options = useMemo(
    (): ChartOptions<'scatter'> => ({
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      parsing: { xAxisKey: 'x', yAxisKey: 'y' },
      scales: {
        x: axis(theme, 'Core sessions in the week', {
          type: 'linear',
          min: -0.5,
          max: Math.max(4, maxCore) + 0.5,
          // Whole sessions only: the axis starts at -0.5 so jittered points at 0 stay inside.
          afterBuildTicks: (scale) => {
            scale.ticks = Array.from({ length: Math.max(4, maxCore) + 1 }, (_, value) => ({ value }));
          },
        }),
        y: axis(theme, `Mean back pain ${LATER[lag]} (0–10)`, { type: 'linear', min: 0, max: 10 }),
      },
      plugins: {
        legend: legend(theme),
        tooltip: {
          ...tooltipColours(theme),
          callbacks: {
            title: () => '',
            label: (item: TooltipItem<'scatter'>) => {
              const p = item.raw as ScatterPoint;
              const core = `Week of ${formatDate(p.weekStart)}: ${plural(p.coreSessions, 'core session', 'core sessions')}`;
              const pain =
                lag === 0
                  ? `Mean back pain that week: ${p.meanBackPain.toFixed(1)}/10`
                  : `Mean back pain in the week of ${formatDate(p.painWeekStart)}: ${p.meanBackPain.toFixed(1)}/10`;
              return [core, pain];
            },
          },
        },
      },
    }),
    [theme, lag, maxCore],
  );

  const label =
    `Scatter chart: ${plural(points.length, 'week', 'weeks')}, core sessions in each week against mean back pain ${LATER[lag]}. ` +
    (correlation?.rho !== null && correlation?.rho !== undefined
      ? `Spearman rho ${formatCorrelation(correlation.rho)}.`
      : 'Too little data for a correlation.');

  return (
    <ChartCard
      title="Core sessions and back pain later (exploratory)"
      className="insight-card--relationship"
      note="Each point is one week. Points are nudged a little sideways so that weeks with the same values stay visible; the table gives the exact numbers."
      controls={<Choice label="Back pain measured" options={LAG_OPTIONS} value={lag} onChange={setLag} />}
      chart={
        <div className="insight-chart">
          <Chart type="scatter" data={data} options={options} role="img" aria-label={label} fallbackContent={label} />
        </div>
      }
      table={
        <DataTable
          caption={`Core sessions per week and mean back pain ${LATER[lag]}`}
          rows={points}
          rowKey={(p) => p.weekStart}
          columns={[
            { header: 'Week starting', cell: (p) => formatDate(p.weekStart) },
            { header: 'Core sessions', cell: (p) => p.coreSessions, numeric: true },
            { header: 'Pain week starting', cell: (p) => formatDate(p.painWeekStart) },
            { header: 'Mean back pain (0–10)', cell: (p) => p.meanBackPain.toFixed(2), numeric: true },
          ]}
        />
      }
    >
      {correlation && <CorrelationFigures correlation={correlation} />}
    </ChartCard>
  );
}

function CorrelationFigures({ correlation }: { correlation: LagCorrelation }) {
  const { lag, n, rho, ci95, pValue, pHolm, partialRho, partialCi95, partialPValue, reason, sentence } = correlation;
  if (reason !== null || rho === null) {
    return (
      <div className="insight-figures" aria-live="polite">
        <p className="insight-reason">{reason ?? sentence}</p>
      </div>
    );
  }
  return (
    <div className="insight-figures" aria-live="polite">
      <p className="insight-sentence">{sentence}</p>
      <dl className="insight-stats">
        <div>
          <dt>{lag === 0 ? 'Weeks (n)' : 'Pairs of weeks (n)'}</dt>
          <dd>{n}</dd>
        </div>
        <div>
          <dt>Spearman rho</dt>
          <dd>{formatCorrelation(rho)}</dd>
        </div>
        <div>
          <dt>95% interval</dt>
          <dd>{ci95 ? formatInterval(ci95) : '–'}</dd>
        </div>
        <div>
          <dt>p-value</dt>
          <dd>{pValue === null ? '–' : formatP(pValue)}</dd>
        </div>
        <div>
          <dt>p adjusted for 3 lags (Holm)</dt>
          <dd>{pHolm === null ? '–' : formatP(pHolm)}</dd>
        </div>
        <div className="insight-stats__wide">
          <dt>Adjusted for running distance</dt>
          <dd>
            {partialRho === null
              ? '–'
              : `${formatCorrelation(partialRho)}${partialCi95 ? ` (95% interval ${formatInterval(partialCi95)})` : ''}${
                  partialPValue === null ? '' : `, p ${formatP(partialPValue)}`
                }`}
          </dd>
        </div>
      </dl>
      <details className="insight-help">
        <summary>How to read these numbers</summary>
        <p>
          <strong>rho</strong> runs from −1 to 1: below 0, weeks with more core sessions tended to have less back pain;
          near 0, no pattern. The <strong>95% interval</strong> is the range of correlations your weeks are compatible
          with: when it includes 0 your log cannot tell a pattern from none, and when it does not, the pattern is still
          an association, not proof of cause. <strong>p</strong> is how often a pattern at least this strong would
          appear by chance alone if there were none and the weeks were independent (they are not quite: one week carries
          over into the next, so these p-values can be too small; the answer above allows for that). p and the interval
          come from the same calculation, so p is below 0.05 exactly when the interval leaves out 0. The{' '}
          <strong>Holm</strong> p allows for looking at three lags. <strong>Adjusted for running distance</strong> is
          the same rho once the distance run in the pain week is taken out: it removes the part of the pattern that runs
          through how far you ran, but nothing else that moved with your core work.
        </p>
      </details>
    </div>
  );
}
