// Chart 4: the longest plank and side-plank hold each week (a core-endurance marker that
// physiotherapists use), drawn next to the week's mean back pain.
import type { ChartOptions, TooltipItem } from 'chart.js';
import { useMemo } from 'react';
import { Chart } from 'react-chartjs-2';
import type { EnduranceWeek } from '../../../../shared/insights/charts';
import type { WeekSummary } from '../../../../shared/insights/types';
import './chartSetup';
import { axis, legend, tooltipColours } from './chartOptions';
import { ChartCard, DataTable } from './ChartCard';
import { formatDate, formatOne, plural } from './format';
import { enduranceChartData } from './gaps';
import { aggregationNote, bucketTitle, bucketed, type ShownWeeks } from './series';
import type { ChartTheme } from './useChartTheme';

interface EnduranceChartProps {
  endurance: readonly EnduranceWeek[];
  weeks: readonly WeekSummary[];
  shown: ShownWeeks;
  theme: ChartTheme;
}

export function EnduranceChart({ endurance, weeks, shown, theme }: EnduranceChartProps) {
  const plank = useMemo(
    () =>
      bucketed(
        shown,
        endurance.map((w) => w.plankS),
        'max',
      ),
    [endurance, shown],
  );
  const sidePlank = useMemo(
    () =>
      bucketed(
        shown,
        endurance.map((w) => w.sidePlankS),
        'max',
      ),
    [endurance, shown],
  );
  const pain = useMemo(
    () =>
      bucketed(
        shown,
        weeks.map((w) => w.meanBackPain),
        'mean',
      ),
    [weeks, shown],
  );
  const hasHolds = plank.some((v) => v !== null) || sidePlank.some((v) => v !== null);
  const dense = shown.buckets.length > 60;

  const data = useMemo(
    () => enduranceChartData(shown.labels, { plank, sidePlank, pain }, theme, dense),
    [plank, sidePlank, pain, shown, theme, dense],
  );

  const options = useMemo(
    (): ChartOptions<'line'> => ({
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: axis(theme, shown.size > 1 ? `Period (${shown.size}-week best holds)` : 'Week starting', {
          type: 'category',
          grid: { display: false },
          ticks: { maxRotation: 0, autoSkipPadding: 12 },
        }),
        hold: axis(theme, 'Longest hold (seconds)', { type: 'linear', position: 'left', beginAtZero: true }),
        pain: axis(theme, 'Mean back pain (0–10)', {
          type: 'linear',
          position: 'right',
          min: 0,
          max: 10,
          grid: { drawOnChartArea: false },
        }),
      },
      plugins: {
        legend: legend(theme),
        tooltip: {
          ...tooltipColours(theme),
          callbacks: {
            title: (items: Array<TooltipItem<'line'>>) => bucketTitle(shown.buckets[items[0]?.dataIndex ?? -1]),
            label: (item: TooltipItem<'line'>) => {
              const v = item.raw as number | null;
              if (item.dataset.yAxisID === 'pain')
                return v === null ? 'Mean back pain: no rating' : `Mean back pain: ${v.toFixed(1)}/10`;
              const name = item.datasetIndex === 0 ? 'Longest plank' : 'Longest side plank';
              return v === null ? `${name}: none logged` : `${name}: ${v} s`;
            },
          },
        },
      },
    }),
    [theme, shown],
  );

  const label = `Line chart: longest plank and side-plank holds in seconds per week, with mean back pain, over ${plural(
    shown.weekStarts.length,
    'week',
    'weeks',
  )}.`;

  const rows = endurance
    .slice(shown.start)
    .map((e, i) => ({ ...e, pain: weeks[shown.start + i]?.meanBackPain ?? null }))
    .filter((r) => r.plankS !== null || r.sidePlankS !== null || r.pain !== null);

  return (
    <ChartCard
      title="Core endurance"
      note={
        <>
          The longest plank and side-plank hold you logged each week, in seconds: clinicians use hold times as a marker
          of core endurance. The dashed line is the week’s mean back pain (right axis).{aggregationNote(shown)}
        </>
      }
      chart={
        hasHolds ? (
          <div className="insight-chart">
            <Chart type="line" data={data} options={options} role="img" aria-label={label} fallbackContent={label} />
          </div>
        ) : (
          <p className="insight-empty">
            No plank or side-plank holds in this period. Log the hold in seconds when you add those exercises to a
            session, and your progress appears here.
          </p>
        )
      }
      table={
        <DataTable
          caption="Longest plank and side-plank holds (seconds) and mean back pain (0–10) per week"
          rows={rows}
          rowKey={(r) => r.weekStart}
          columns={[
            { header: 'Week starting', cell: (r) => formatDate(r.weekStart) },
            { header: 'Longest plank (s)', cell: (r) => r.plankS ?? '–', numeric: true },
            { header: 'Longest side plank (s)', cell: (r) => r.sidePlankS ?? '–', numeric: true },
            { header: 'Mean back pain (0–10)', cell: (r) => formatOne(r.pain), numeric: true },
          ]}
        />
      }
    />
  );
}
