// What the bundled chart page (chartPage.tsx) puts on the page's global object. Kept free of
// DOM types so the Node-side bench can call it through page.evaluate with its types checked.
import type { Flag, WeekSummary } from '../../shared/insights/types';

export interface ChartBench {
  /** The app's trend chart over all weeks, as the Insights page shows it with "All" chosen. */
  appTrendChart(weeks: WeekSummary[], flags: Flag[]): Promise<number>;
  /** A chart.js line chart of each week's mean back pain, default options, no animation. */
  bareLineChart(weeks: WeekSummary[]): Promise<number>;
  /** How many points the app's chart drew (after its own aggregation of long ranges). */
  lastAppPoints: number;
}

export interface ChartBenchGlobal {
  chartBench: ChartBench;
}
