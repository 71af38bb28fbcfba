// The result of one experiment: the honest sentence (marked as a warning, and starting with
// adherence, when the core periods were not kept), the figures, and a chart of each period's
// mean back pain, cycle by cycle. A planned experiment has only its sentence.
import type { ChartData, ChartOptions } from 'chart.js';
import { useMemo, type ReactNode } from 'react';
import { Chart } from 'react-chartjs-2';
import { corePeriodsKept, formatP, type Experiment, type ExperimentResult } from '../../../../shared/experiment';
import '../insights/chartSetup';
import { axis, legend, tooltipColours } from '../insights/chartOptions';
import { ChartCard, DataTable } from '../insights/ChartCard';
import { formatOne } from '../insights/format';
import { useChartTheme } from '../insights/useChartTheme';

function signed(value: number | null): string {
  if (value === null) return '–';
  const text = value.toFixed(1);
  return text === '-0.0' ? '0.0' : value > 0 ? `+${text}` : text;
}

export function ResultCard({ experiment, result }: { experiment: Experiment; result: ExperimentResult }) {
  const theme = useChartTheme();
  const kept = corePeriodsKept(result.adherence);
  const data = useMemo(
    (): ChartData<'bar', Array<number | null>, string> => ({
      labels: result.cycles.map((c) => `Cycle ${c.cycle}`),
      datasets: [
        {
          label: 'Core period',
          data: result.cycles.map((c) => c.coreMean),
          backgroundColor: theme.core,
          borderColor: theme.core,
        },
        {
          label: 'Usual period',
          data: result.cycles.map((c) => c.usualMean),
          backgroundColor: theme.muted,
          borderColor: theme.muted,
        },
      ],
    }),
    [result.cycles, theme],
  );
  const options = useMemo(
    (): ChartOptions<'bar'> => ({
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: legend(theme),
        tooltip: {
          ...tooltipColours(theme),
          callbacks: {
            label: (item) =>
              `${item.dataset.label}: ${item.raw === null ? 'missing (fewer than 3 rated days)' : `${formatOne(item.raw as number)}/10`}`,
          },
        },
      },
      scales: {
        x: axis(theme, 'Cycle', { type: 'category' }),
        y: axis(theme, 'Mean back pain (0–10)', { type: 'linear', min: 0, max: 10 }),
      },
    }),
    [theme],
  );

  const chart = (
    <div className="insight-chart insight-chart--short">
      <Chart
        type="bar"
        data={data}
        options={options}
        aria-label="Bar chart of each period's mean back pain, core and usual, by cycle"
        role="img"
      />
    </div>
  );

  return (
    <div className="experiment-result">
      {/* When the core periods were not kept, the sentence says so first; it is marked as a warning. */}
      <p
        className={`insight-sentence experiment-result__sentence${kept === false ? ' experiment-result__warning' : ''}`}
      >
        {result.sentence}
      </p>
      {result.status !== 'planned' && <Figures experiment={experiment} result={result} chart={chart} />}
    </div>
  );
}

function Figures({
  experiment,
  result,
  chart,
}: {
  experiment: Experiment;
  result: ExperimentResult;
  chart: ReactNode;
}) {
  return (
    <>
      <dl className="insight-stats">
        <div>
          <dt>Usable cycles</dt>
          <dd>
            {result.usable} of {experiment.cycles}
          </dd>
        </div>
        <div>
          <dt>Mean difference (core − usual)</dt>
          <dd>{result.estimate === null ? '–' : `${signed(result.estimate)} points`}</dd>
        </div>
        <div>
          <dt>95% interval</dt>
          <dd>{result.ci95 ? `${signed(result.ci95[0])} to ${signed(result.ci95[1])}` : '–'}</dd>
        </div>
        <div>
          <dt>Randomisation p</dt>
          <dd>{result.pRandomization === null ? '–' : formatP(result.pRandomization)}</dd>
        </div>
        <div>
          <dt>Core sessions a week</dt>
          <dd>
            {formatOne(result.adherence.coreSessionsPerWeekInCore)} in core periods,{' '}
            {formatOne(result.adherence.coreSessionsPerWeekInUsual)} in usual
          </dd>
        </div>
      </dl>
      <ChartCard
        title="Back pain in core and usual periods, cycle by cycle"
        note="Each bar is a period's mean back pain after its washout days; a missing bar had fewer than 3 rated days."
        chart={chart}
        table={
          <DataTable
            caption="Mean back pain per period"
            rowKey={(c) => String(c.cycle)}
            rows={result.cycles}
            columns={[
              { header: 'Cycle', cell: (c) => c.cycle },
              { header: 'Core period', cell: (c) => formatOne(c.coreMean), numeric: true },
              { header: 'Usual period', cell: (c) => formatOne(c.usualMean), numeric: true },
              { header: 'Core − usual', cell: (c) => signed(c.difference), numeric: true },
            ]}
          />
        }
      />
    </>
  );
}
