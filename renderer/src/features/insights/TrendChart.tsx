// Chart 1: core sessions per week (bars), mean back pain (line, 0–10 on its own axis), run
// distance on request, and flags marked as numbered markers with their rules in the tooltip.
import type { ChartData, ChartOptions, TooltipItem } from 'chart.js';
import { useMemo, useState } from 'react';
import { Chart } from 'react-chartjs-2';
import { flagsByWeek } from '../../../../shared/insights/charts';
import type { Flag, WeekSummary } from '../../../../shared/insights/types';
import { toDisplayDistance, type DistanceUnit } from '../../../../shared/units';
import './chartSetup';
import { axis, legend, tooltipColours } from './chartOptions';
import { ChartCard, DataTable } from './ChartCard';
import { flagMarkersPlugin } from './flagMarkers';
import { formatDate, formatOne, plural } from './format';
import { aggregationNote, bucketTitle, bucketed, type ShownWeeks } from './series';
import { withAlpha, type ChartTheme } from './useChartTheme';

type TrendType = 'bar' | 'line';

/** Drawn on this chart only; a stable array, because react-chartjs-2 reads it once per chart. */
const TREND_PLUGINS = [flagMarkersPlugin];

interface TrendChartProps {
  weeks: readonly WeekSummary[];
  flags: readonly Flag[];
  shown: ShownWeeks;
  unit: DistanceUnit;
  theme: ChartTheme;
}

export function TrendChart({ weeks, flags, shown, unit, theme }: TrendChartProps) {
  const [showDistance, setShowDistance] = useState(false);

  const weekFlags = useMemo(() => flagsByWeek(shown.weekStarts, flags), [shown, flags]);
  const flagsPerBucket = useMemo(
    () =>
      shown.buckets.map((b) => {
        const list: Flag[] = [];
        for (let w = b.start; w < b.end; w++) list.push(...(weekFlags.get(w) ?? []));
        return list;
      }),
    [shown, weekFlags],
  );

  // A week with nothing logged at all is unknown, so it gets no bar (not a bar of 0).
  const core = useMemo(
    () =>
      bucketed(
        shown,
        weeks.map((w) => (w.nothingLogged ? null : w.coreSessions)),
        'mean',
      ),
    [weeks, shown],
  );
  // The week holding today is "this week so far": drawn lighter and dashed, never analysed.
  const inProgress = weeks.at(-1)?.inProgress === true && shown.weekStarts.length > 0;
  const lastIndex = shown.buckets.length - 1;
  const maxCore = core.reduce<number>((m, v) => Math.max(m, v ?? 0), 0);

  const data = useMemo((): ChartData<TrendType, Array<number | null>, string> => {
    const pain = bucketed(
      shown,
      weeks.map((w) => w.meanBackPain),
      'mean',
    );
    const distance = bucketed(
      shown,
      weeks.map((w) => toDisplayDistance(w.runKm, unit)),
      'mean',
    );
    const labels =
      inProgress && shown.size === 1
        ? shown.labels.map((l, i) => (i === lastIndex ? 'This week so far' : l))
        : shown.labels;
    return {
      labels,
      datasets: [
        {
          type: 'line',
          label: 'Mean back pain (0–10)',
          data: pain,
          yAxisID: 'pain',
          borderColor: theme.pain,
          backgroundColor: theme.pain,
          borderWidth: 2.5,
          pointRadius: shown.buckets.length > 60 ? 0 : 3,
          pointHoverRadius: 5,
          spanGaps: false,
          segment: {
            borderDash: (ctx: { p1DataIndex: number }) =>
              inProgress && ctx.p1DataIndex === lastIndex ? [4, 4] : undefined,
          },
          order: 1,
        },
        ...(showDistance
          ? [
              {
                type: 'line' as const,
                label: `Run distance (${unit} per week)`,
                data: distance,
                yAxisID: 'distance',
                borderColor: theme.run,
                backgroundColor: theme.run,
                borderDash: [6, 4],
                borderWidth: 2,
                pointRadius: 0,
                pointHoverRadius: 4,
                order: 2,
              },
            ]
          : []),
        {
          type: 'bar',
          label: 'Core sessions per week',
          data: core,
          yAxisID: 'core',
          backgroundColor: core.map((_, i) => withAlpha(theme.core, inProgress && i === lastIndex ? 0.2 : 0.55)),
          borderColor: theme.core,
          borderWidth: 1,
          order: 3,
        },
      ],
    };
  }, [weeks, shown, unit, theme, showDistance, core, inProgress, lastIndex]);

  const options = useMemo(
    (): ChartOptions<TrendType> => ({
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: axis(theme, shown.size > 1 ? `Period (${shown.size}-week averages)` : 'Week starting', {
          type: 'category',
          grid: { display: false },
          ticks: { maxRotation: 0, autoSkipPadding: 12 },
        }),
        core: axis(theme, 'Core sessions per week', {
          type: 'linear',
          position: 'left',
          beginAtZero: true,
          // Headroom above the tallest bar keeps the flag markers clear of the bars.
          max: Math.max(4, Math.ceil(maxCore) + 1),
          ticks: { precision: 0 },
        }),
        pain: axis(theme, 'Mean back pain (0–10)', {
          type: 'linear',
          position: 'right',
          min: 0,
          max: 10,
          grid: { drawOnChartArea: false },
        }),
        ...(showDistance
          ? {
              distance: axis(theme, `Run distance (${unit} per week)`, {
                type: 'linear',
                position: 'right',
                beginAtZero: true,
                grid: { drawOnChartArea: false },
              }),
            }
          : {}),
      },
      plugins: {
        legend: legend(theme),
        flagMarkers: {
          counts: flagsPerBucket.map((list) => list.length),
          color: theme.flag,
          textColor: theme.flagText,
        },
        tooltip: {
          ...tooltipColours(theme),
          callbacks: {
            title: (items: Array<TooltipItem<TrendType>>) => {
              const index = items[0]?.dataIndex ?? -1;
              const title = bucketTitle(shown.buckets[index]);
              return inProgress && index === lastIndex ? `${title} (this week so far, not analysed)` : title;
            },
            label: (item: TooltipItem<TrendType>) => {
              const value = item.raw as number | null;
              if (item.dataset.yAxisID === 'pain')
                return value === null ? 'Mean back pain: no rating' : `Mean back pain: ${value.toFixed(1)}/10`;
              if (item.dataset.yAxisID === 'distance') return `Run distance: ${(value ?? 0).toFixed(1)} ${unit}`;
              if (value === null) return 'Core sessions: nothing logged that week';
              return `Core sessions: ${Number.isInteger(value) ? value : value.toFixed(1)}`;
            },
            footer: (items: Array<TooltipItem<TrendType>>) => {
              const list = flagsPerBucket[items[0]?.dataIndex ?? -1] ?? [];
              if (list.length === 0) return [];
              const lines = list.slice(0, 6).map((f) => `– ${formatDate(f.date)}: ${f.rule}`);
              if (list.length > 6) lines.push(`…and ${list.length - 6} more (see Flags below)`);
              return [plural(list.length, 'flag:', 'flags:'), ...lines];
            },
          },
        },
      },
    }),
    [theme, shown, unit, showDistance, flagsPerBucket, maxCore, inProgress, lastIndex],
  );

  const first = shown.weekStarts[0];
  const last = shown.weekStarts[shown.weekStarts.length - 1];
  const flagCount = flagsPerBucket.reduce((n, l) => n + l.length, 0);
  const label =
    `Chart: core sessions per week as bars and mean back pain as a line, ${plural(shown.weekStarts.length, 'week', 'weeks')}` +
    (first && last ? ` from ${formatDate(first)} to ${formatDate(last)}` : '') +
    `; ${plural(flagCount, 'flag', 'flags')} marked. Use "Show as table" for the numbers.`;

  const rows = useMemo(
    () => weeks.slice(shown.start).map((week, i) => ({ week, flags: weekFlags.get(i) ?? [] })),
    [weeks, shown, weekFlags],
  );
  return (
    <ChartCard
      title="Core sessions and back pain by week"
      note={
        <>
          Bars: core sessions each week; no bar means nothing at all was logged that week (unknown, not 0). Line: the
          week’s mean lower-back pain (the mean of its daily means; right axis, 0–10); a gap means no rating that week.
          The last, lighter bar is this week so far: it is not part of any analysis. Red numbers along the top count the
          flags in that week; point at a week to read them.
          {aggregationNote(shown)}
        </>
      }
      controls={
        <label className="insight-check">
          <input type="checkbox" checked={showDistance} onChange={(e) => setShowDistance(e.target.checked)} />
          Show run distance
        </label>
      }
      chart={
        <div className="insight-chart insight-chart--tall">
          <Chart
            type="bar"
            data={data}
            options={options}
            plugins={TREND_PLUGINS}
            role="img"
            aria-label={label}
            fallbackContent={label}
          />
        </div>
      }
      table={
        <DataTable
          caption="Core sessions, run distance and back pain by week"
          rowKey={(r) => r.week.weekStart}
          rows={rows}
          columns={[
            {
              header: 'Week starting',
              cell: (r) => `${formatDate(r.week.weekStart)}${r.week.inProgress ? ' (this week so far)' : ''}`,
            },
            {
              header: 'Core sessions',
              cell: (r) => (r.week.nothingLogged ? '– (nothing logged)' : r.week.coreSessions),
              numeric: true,
            },
            { header: 'Runs', cell: (r) => r.week.runs, numeric: true },
            {
              header: `Distance (${unit})`,
              cell: (r) => toDisplayDistance(r.week.runKm, unit).toFixed(1),
              numeric: true,
            },
            { header: 'Mean back pain (0–10)', cell: (r) => formatOne(r.week.meanBackPain), numeric: true },
            { header: 'Max back pain', cell: (r) => r.week.maxBackPain ?? '–', numeric: true },
            { header: 'Days with back pain', cell: (r) => r.week.painDays, numeric: true },
            { header: 'Flags', cell: (r) => (r.flags.length ? r.flags.map((f) => f.rule).join('; ') : '–') },
          ]}
        />
      }
    />
  );
}
