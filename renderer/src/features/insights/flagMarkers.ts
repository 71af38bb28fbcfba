// A tiny chart.js plugin that draws the trend chart's flag markers: a small numbered pill along
// the top of the plot for every point (week or period) with flags. All markers are drawn in one
// pass over the x scale, which costs far less than one annotation element per marker.
import { Chart, type ChartType, type Plugin } from 'chart.js';

export interface FlagMarkerOptions {
  /** Flags per point on the x scale (same order as the labels); 0 means no marker. */
  counts: readonly number[];
  /** Marker fill and number colour (from the chart theme). */
  color: string;
  textColor: string;
}

declare module 'chart.js' {
  // chart.js looks a plugin's options up under its id in `options.plugins`.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    flagMarkers?: FlagMarkerOptions;
  }
}

const FONT_SIZE = 11;
const PADDING_X = 5;
const PADDING_Y = 2;
/** Gap between the top of the plot and the markers. */
const TOP_GAP = 2;

export const flagMarkersPlugin: Plugin<ChartType, FlagMarkerOptions> = {
  id: 'flagMarkers',
  afterDatasetsDraw(chart, _args, options) {
    const counts = options.counts as readonly number[] | undefined;
    const x = chart.scales.x;
    if (!counts || counts.length === 0 || !x) return;
    const { ctx, chartArea } = chart;
    const height = FONT_SIZE + 2 * PADDING_Y + 2;
    const centreY = chartArea.top + TOP_GAP + height / 2;
    // Few distinct numbers occur, so measure each once per draw.
    const widths = new Map<string, number>();

    ctx.save();
    // Markers at the first and last points stay inside the plot, as the axes frame it.
    ctx.beginPath();
    ctx.rect(chartArea.left, chartArea.top, chartArea.right - chartArea.left, chartArea.bottom - chartArea.top);
    ctx.clip();
    ctx.font = `bold ${FONT_SIZE}px ${Chart.defaults.font.family ?? 'sans-serif'}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    // Markers closer than one marker's width would print over each other: merge such neighbours
    // into one marker (at their middle) that counts all their flags, so the numbers stay readable.
    const groups: Array<{ x: number; count: number; points: number }> = [];
    for (let i = 0; i < counts.length; i++) {
      const count = counts[i] ?? 0;
      if (count === 0) continue;
      const centreX = x.getPixelForValue(i);
      const last = groups[groups.length - 1];
      if (last && centreX - last.x / last.points < height + 2) {
        last.x += centreX;
        last.points += 1;
        last.count += count;
      } else {
        groups.push({ x: centreX, count, points: 1 });
      }
    }
    for (const group of groups) {
      const text = String(group.count);
      let width = widths.get(text);
      if (width === undefined) {
        // At least as wide as tall: single digits are round, longer numbers are pills.
        width = Math.max(height, ctx.measureText(text).width + 2 * PADDING_X);
        widths.set(text, width);
      }
      const centreX = group.x / group.points;
      ctx.beginPath();
      ctx.roundRect(centreX - width / 2, centreY - height / 2, width, height, height / 2);
      ctx.fillStyle = options.color;
      ctx.fill();
      ctx.fillStyle = options.textColor;
      ctx.fillText(text, centreX, centreY + 0.5);
    }
    ctx.restore();
  },
};
