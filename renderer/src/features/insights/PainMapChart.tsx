// Chart 3: where it hurt and what kind of pain it was, week by week — stacked bars of days
// with pain per location (or per kind), with each group's mean score in the tooltip.
import type { ChartData, ChartOptions, TooltipItem } from 'chart.js';
import { useMemo, useState } from 'react';
import { Chart } from 'react-chartjs-2';
import type { PainCell, PainMapWeek } from '../../../../shared/insights/charts';
import { PAIN_KINDS, PAIN_LOCATIONS } from '../../../../shared/model';
import { KIND_LABELS, LOCATION_LABELS } from '../labels';
import './chartSetup';
import { axis, legend, tooltipColours } from './chartOptions';
import { ChartCard, Choice, DataTable } from './ChartCard';
import { formatDate, formatOne, plural } from './format';
import { aggregationNote, bucketTitle, bucketed, type ShownWeeks } from './series';
import { withAlpha, type ChartTheme } from './useChartTheme';

type Grouping = 'location' | 'kind';
const GROUPINGS: ReadonlyArray<{ value: Grouping; label: string }> = [
  { value: 'location', label: 'By location' },
  { value: 'kind', label: 'By kind' },
];

interface Group {
  key: string;
  label: string;
  color: string;
  cell(week: PainMapWeek): PainCell;
}

function groupsFor(grouping: Grouping, theme: ChartTheme): Group[] {
  return grouping === 'location'
    ? PAIN_LOCATIONS.map((loc) => ({
        key: loc,
        label: LOCATION_LABELS[loc],
        color: theme.locations[loc],
        cell: (w: PainMapWeek) => w.byLocation[loc],
      }))
    : PAIN_KINDS.map((kind) => ({
        key: kind,
        label: KIND_LABELS[kind],
        color: theme.kinds[kind],
        cell: (w: PainMapWeek) => w.byKind[kind],
      }));
}

interface PainMapChartProps {
  painMap: readonly PainMapWeek[];
  shown: ShownWeeks;
  theme: ChartTheme;
}

export function PainMapChart({ painMap, shown, theme }: PainMapChartProps) {
  const [grouping, setGrouping] = useState<Grouping>('location');
  const inRange = useMemo(() => painMap.slice(shown.start), [painMap, shown.start]);
  // Only groups with at least one rating in the range get a series (and a legend entry).
  const groups = useMemo(
    () => groupsFor(grouping, theme).filter((g) => inRange.some((w) => g.cell(w).ratings > 0)),
    [grouping, theme, inRange],
  );

  const series = useMemo(
    () =>
      groups.map((g) => ({
        group: g,
        days: bucketed(
          shown,
          painMap.map((w) => g.cell(w).painDays),
          'mean',
        ),
        mean: bucketed(
          shown,
          painMap.map((w) => g.cell(w).meanScore),
          'mean',
        ),
      })),
    [painMap, shown, groups],
  );

  const data = useMemo(
    (): ChartData<'bar', Array<number | null>, string> => ({
      labels: shown.labels,
      datasets: series.map(({ group, days }) => ({
        label: group.label,
        data: days,
        backgroundColor: withAlpha(group.color, 0.75),
        borderColor: group.color,
        borderWidth: 1,
        stack: 'pain',
      })),
    }),
    [series, shown],
  );

  const options = useMemo(
    (): ChartOptions<'bar'> => ({
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: axis(theme, shown.size > 1 ? `Period (${shown.size}-week averages)` : 'Week starting', {
          type: 'category',
          stacked: true,
          grid: { display: false },
          ticks: { maxRotation: 0, autoSkipPadding: 12 },
        }),
        y: axis(theme, 'Days with pain (per week)', {
          type: 'linear',
          stacked: true,
          beginAtZero: true,
          ticks: { precision: 0 },
        }),
      },
      plugins: {
        legend: legend(theme),
        tooltip: {
          ...tooltipColours(theme),
          filter: (item: TooltipItem<'bar'>) => (item.raw as number | null) !== null,
          callbacks: {
            title: (items: Array<TooltipItem<'bar'>>) => bucketTitle(shown.buckets[items[0]?.dataIndex ?? -1]),
            label: (item: TooltipItem<'bar'>) => {
              const s = series[item.datasetIndex];
              const days = item.raw as number | null;
              const mean = s?.mean[item.dataIndex] ?? null;
              if (!s || mean === null) return `${item.dataset.label ?? ''}: no rating`;
              const d = Number.isInteger(days) ? String(days) : (days ?? 0).toFixed(1);
              return `${s.group.label}: ${d} ${days === 1 ? 'day' : 'days'} with pain, mean ${mean.toFixed(1)}/10`;
            },
          },
        },
      },
    }),
    [theme, shown, series],
  );

  const label =
    `Stacked bar chart: days with pain per week, ${grouping === 'location' ? 'by location' : 'by kind of pain'}` +
    (groups.length ? ` (${groups.map((g) => g.label).join(', ')})` : '') +
    `, over ${plural(shown.weekStarts.length, 'week', 'weeks')}.`;

  const rows = inRange.filter((w) => groups.some((g) => g.cell(w).ratings > 0));
  return (
    <ChartCard
      title="Pain map"
      note={
        <>
          How many days each week something hurt, stacked by{' '}
          {grouping === 'location' ? 'where it hurt' : 'the kind of pain (all locations)'}. Point at a bar for the mean
          score.{aggregationNote(shown)}
        </>
      }
      controls={<Choice label="Group" options={GROUPINGS} value={grouping} onChange={setGrouping} />}
      chart={
        groups.length === 0 ? (
          <p className="insight-empty">No pain ratings in this period.</p>
        ) : (
          <div className="insight-chart">
            <Chart type="bar" data={data} options={options} role="img" aria-label={label} fallbackContent={label} />
          </div>
        )
      }
      table={
        <DataTable
          caption={`Days with pain and mean score (0–10) per week, ${grouping === 'location' ? 'by location' : 'by kind'}`}
          rows={rows}
          rowKey={(w) => w.weekStart}
          columns={[
            { header: 'Week starting', cell: (w: PainMapWeek) => formatDate(w.weekStart) },
            ...groups.map((g) => ({
              header: `${g.label}: days, mean`,
              numeric: true,
              cell: (w: PainMapWeek) => {
                const c = g.cell(w);
                return c.ratings === 0 ? '–' : `${c.painDays}, ${formatOne(c.meanScore)}`;
              },
            })),
          ]}
        />
      }
    />
  );
}
