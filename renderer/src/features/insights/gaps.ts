// A gap is a gap: a line chart never joins values across weeks that have none, and a value
// with no neighbour (which then has no line segment to show it) is still drawn as a point.
import type { ChartData } from 'chart.js';

/** What every weekly line shares so that missing weeks stay missing. */
export const NO_SPANNING = { spanGaps: false } as const;

/**
 * A point radius per value: `radius` where points are shown, 0 where the line alone shows the
 * value; a value whose neighbours are both missing always gets `radius`, or it would not show.
 */
export function pointRadii(values: ReadonlyArray<number | null>, radius: number, showPoints: boolean): number[] {
  return values.map((value, i) => {
    if (value === null) return 0;
    if (showPoints) return radius;
    const alone = (values[i - 1] ?? null) === null && (values[i + 1] ?? null) === null;
    return alone ? radius : 0;
  });
}

/** The chart's three lines; weeks without a value stay gaps (Core endurance). */
export function enduranceChartData(
  labels: string[],
  { plank, sidePlank, pain }: Record<'plank' | 'sidePlank' | 'pain', Array<number | null>>,
  theme: Record<'plank' | 'sidePlank' | 'pain', string>,
  dense: boolean,
): ChartData<'line', Array<number | null>, string> {
  return {
    labels,
    datasets: [
      {
        label: 'Longest plank (s)',
        data: plank,
        yAxisID: 'hold',
        borderColor: theme.plank,
        backgroundColor: theme.plank,
        borderWidth: 2.5,
        pointRadius: pointRadii(plank, 3, !dense),
        ...NO_SPANNING,
      },
      {
        label: 'Longest side plank (s per side)',
        data: sidePlank,
        yAxisID: 'hold',
        borderColor: theme.sidePlank,
        backgroundColor: theme.sidePlank,
        borderWidth: 2.5,
        pointRadius: pointRadii(sidePlank, 3, !dense),
        pointStyle: 'rectRot',
        ...NO_SPANNING,
      },
      {
        label: 'Mean back pain (0–10)',
        data: pain,
        yAxisID: 'pain',
        borderColor: theme.pain,
        backgroundColor: theme.pain,
        borderDash: [5, 4],
        borderWidth: 2,
        // The dashed line shows the weeks; a rated week between two unrated ones is a point.
        pointRadius: pointRadii(pain, 3, false),
        pointHoverRadius: 4,
        ...NO_SPANNING,
      },
    ],
  };
}
