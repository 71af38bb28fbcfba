// Builds bench/browser/chartPage.tsx (with the app's chart modules, React and chart.js) into one
// script for a blank Chromium page, with the same bundler the app's renderer is built with.
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { build, type Rollup } from 'vite';

const root = path.resolve(import.meta.dirname, '../..');

export const APP_STYLESHEETS = [
  path.join(root, 'renderer/src/styles.css'),
  path.join(root, 'renderer/src/features/insights/insights.css'),
];

export async function bundleChartPage(): Promise<string> {
  const output = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    mode: 'production',
    plugins: [react()],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: true,
      emptyOutDir: false,
      lib: {
        entry: path.join(import.meta.dirname, 'chartPage.tsx'),
        formats: ['iife'],
        name: 'BackstrideChartBench',
        fileName: () => 'chart-bench.js',
      },
    },
  });
  const results = (Array.isArray(output) ? output : [output]) as Rollup.RollupOutput[];
  for (const result of results) {
    const chunk = result.output.find((item): item is Rollup.OutputChunk => item.type === 'chunk');
    if (chunk) return chunk.code;
  }
  throw new Error('Bundling the chart page produced no script.');
}
