// Shared chart.js option pieces: axes with titles, legend and tooltips in the theme's colours.
// Animation is off: charts appear at once, and nothing moves for people who dislike motion.
import type { ScaleOptions } from 'chart.js';
import type { ChartTheme } from './useChartTheme';

/** An axis with a title; `extra` says its type ('linear' or 'category') and anything else. */
export function axis<S extends 'linear' | 'category'>(
  theme: ChartTheme,
  title: string,
  extra: ScaleOptions<S> & { type: S },
): ScaleOptions<S> {
  return {
    ...extra,
    title: { display: true, text: title, color: theme.text, font: { size: 12, weight: 'bold' } },
    ticks: { color: theme.muted, ...extra.ticks },
    grid: { color: theme.grid, ...extra.grid },
    border: { color: theme.grid },
  } as ScaleOptions<S>;
}

export function legend(theme: ChartTheme) {
  return { position: 'bottom' as const, labels: { color: theme.text, usePointStyle: true, boxHeight: 8 } };
}

export function tooltipColours(theme: ChartTheme) {
  return {
    backgroundColor: theme.surface,
    titleColor: theme.text,
    bodyColor: theme.text,
    footerColor: theme.text,
    borderColor: theme.grid,
    borderWidth: 1,
    padding: 10,
    boxPadding: 4,
    titleFont: { weight: 'bold' as const },
    footerFont: { weight: 'normal' as const },
  };
}
