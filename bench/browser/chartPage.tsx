// Bundled into a test page by bench/browser/bundle.ts: renders the app's own trend chart (the
// real TrendChart component, with the same chart.js registration) and, as the baseline, a bare
// chart.js line chart of the same weeks. Each call reports milliseconds until the first draw.
import type { ChartConfiguration } from 'chart.js';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { Chart } from '../../renderer/src/features/insights/chartSetup';
import { shownWeeks } from '../../renderer/src/features/insights/series';
import { TrendChart } from '../../renderer/src/features/insights/TrendChart';
import type { ChartTheme } from '../../renderer/src/features/insights/useChartTheme';
import type { ChartBench } from './api';

declare global {
  interface Window {
    chartBench: ChartBench;
  }
}

// The light theme's colours (as useChartTheme reads them from the stylesheet).
const THEME: ChartTheme = {
  text: '#17202b',
  muted: '#556170',
  grid: '#d8dee6',
  surface: '#ffffff',
  core: '#15803d',
  pain: '#c2410c',
  run: '#0b6bcb',
  flag: '#b42318',
  flagText: '#ffffff',
  plank: '#6d28d9',
  sidePlank: '#0e7490',
  locations: { lower_back: '#c2410c', hip: '#7c3aed', knee: '#0e7490', ankle: '#a16207', other: '#64748b' },
  kinds: { muscular: '#c2410c', bone_like: '#7c3aed', unsure: '#64748b' },
};

// Time of the first completed draw of any chart since the last reset.
let drawnAt = 0;
Chart.register({
  id: 'benchFirstDraw',
  afterRender: () => {
    if (drawnAt === 0) drawnAt = performance.now();
  },
});

function stage(): HTMLElement {
  const host = document.createElement('div');
  host.style.width = '1000px';
  document.body.append(host);
  return host;
}

async function firstDraw(): Promise<void> {
  for (let tries = 0; drawnAt === 0; tries++) {
    if (tries > 500) throw new Error('The chart was never drawn.');
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

window.chartBench = {
  lastAppPoints: 0,

  async appTrendChart(weeks, flags) {
    const host = stage();
    const root = createRoot(host);
    drawnAt = 0;
    const start = performance.now();
    const shown = shownWeeks(
      weeks.map((w) => w.weekStart),
      'all',
    );
    flushSync(() => root.render(<TrendChart weeks={weeks} flags={flags} shown={shown} unit="km" theme={THEME} />));
    await firstDraw();
    const ms = drawnAt - start;
    this.lastAppPoints = shown.buckets.length;
    root.unmount();
    host.remove();
    return ms;
  },

  async bareLineChart(weeks) {
    const host = stage();
    // The same box as the app's chart, so both draw the same number of pixels.
    host.className = 'insight-chart insight-chart--tall';
    const canvas = document.createElement('canvas');
    host.append(canvas);
    const config: ChartConfiguration<'line', Array<number | null>, string> = {
      type: 'line',
      data: {
        labels: weeks.map((w) => w.weekStart),
        datasets: [{ label: 'Mean back pain', data: weeks.map((w) => w.meanBackPain) }],
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false },
    };
    drawnAt = 0;
    const start = performance.now();
    const chart = new Chart(canvas, config);
    await firstDraw();
    const ms = drawnAt - start;
    chart.destroy();
    host.remove();
    return ms;
  },
};
