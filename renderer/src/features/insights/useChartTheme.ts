// Chart colours come from CSS custom properties (styles.css and insights.css), so the charts
// follow the light/dark theme. They are re-read when the theme attribute or the system
// colour scheme changes.
import { useEffect, useState } from 'react';
import type { PainKind, PainLocation } from '../../../../shared/model';

export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  surface: string;
  core: string;
  pain: string;
  run: string;
  flag: string;
  flagText: string;
  plank: string;
  sidePlank: string;
  locations: Record<PainLocation, string>;
  kinds: Record<PainKind, string>;
}

function readTheme(): ChartTheme {
  const style = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text', '#17202b'),
    muted: v('--muted', '#556170'),
    grid: v('--chart-grid', '#d8dee6'),
    surface: v('--surface', '#ffffff'),
    core: v('--strength', '#15803d'),
    pain: v('--pain', '#c2410c'),
    run: v('--run', '#0b6bcb'),
    flag: v('--chart-flag', '#b42318'),
    flagText: v('--chart-flag-text', '#ffffff'),
    plank: v('--chart-plank', '#6d28d9'),
    sidePlank: v('--chart-side-plank', '#0e7490'),
    locations: {
      lower_back: v('--pain', '#c2410c'),
      hip: v('--chart-hip', '#7c3aed'),
      knee: v('--chart-knee', '#0e7490'),
      ankle: v('--chart-ankle', '#a16207'),
      other: v('--chart-other', '#64748b'),
    },
    kinds: {
      muscular: v('--chart-muscular', '#c2410c'),
      bone_like: v('--chart-bone-like', '#7c3aed'),
      unsure: v('--chart-unsure', '#64748b'),
    },
  };
}

export function useChartTheme(): ChartTheme {
  const [theme, setTheme] = useState<ChartTheme>(readTheme);
  useEffect(() => {
    const update = () => setTheme(readTheme());
    // The shell resolves the theme (including "system") into data-theme: watch the attribute.
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    update();
    return () => observer.disconnect();
  }, []);
  return theme;
}

/** A colour with transparency, for fills (accepts #rrggbb; anything else is returned as is). */
export function withAlpha(color: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) return color;
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => parseInt(h, 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
