// What a bench run produces: one result per scenario, the machine it ran on, a printed table
// and bench/results.json.
import fs from 'node:fs';
import os from 'node:os';
import { spreadOf, type Paired, type Spread } from './stats';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memGb: number;
  node: string;
  platform: string;
  date: string;
}

export interface ScenarioResult {
  scenario: string;
  /** Median of the measured rounds, in `unit` (null when the scenario could not run). */
  measured: number | null;
  /** Median of the baseline rounds, in `unit`. */
  baseline: number | null;
  /** measured / baseline (or, for a budget, the measured value against it). */
  ratio: number | null;
  /** Readable target, e.g. "<= 1.3x". */
  target: string;
  /** null when the scenario only reports, or is not available yet. */
  pass: boolean | null;
  unit: string;
  measuredSpread?: Spread;
  baselineSpread?: Spread;
  note?: string;
}

export function machineInfo(): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${os.release()} ${process.arch}`,
    date: new Date().toISOString(),
  };
}

/** A ratio scenario: pass when median(measured) / median(baseline) is at most `maxRatio`. */
export function ratioResult(
  scenario: string,
  samples: Paired,
  maxRatio: number,
  options: { unit?: string; note?: string; reportOnly?: boolean } = {},
): ScenarioResult {
  const measuredSpread = spreadOf(samples.measured);
  const baselineSpread = spreadOf(samples.baseline);
  const ratio = baselineSpread.median > 0 ? measuredSpread.median / baselineSpread.median : null;
  return {
    scenario,
    measured: measuredSpread.median,
    baseline: baselineSpread.median,
    ratio,
    target: options.reportOnly ? `report (restructure if > ${maxRatio}x)` : `<= ${maxRatio}x`,
    pass: ratio === null ? false : ratio <= maxRatio,
    unit: options.unit ?? 'ms',
    measuredSpread,
    baselineSpread,
    ...(options.note ? { note: options.note } : {}),
  };
}

export function unavailable(scenario: string, target: string, why: string): ScenarioResult {
  return { scenario, measured: null, baseline: null, ratio: null, target, pass: null, unit: 'ms', note: why };
}

function number(value: number | null, digits = 2): string {
  if (value === null) return '-';
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(digits);
}

function withSpread(value: number | null, spread: Spread | undefined, unit: string): string {
  if (value === null) return '-';
  const iqr = spread ? ` (IQR ${number(spread.q1)}–${number(spread.q3)})` : '';
  return `${number(value)} ${unit}${iqr}`;
}

function verdict(result: ScenarioResult, judged: boolean): string {
  if (result.pass === null) return result.measured === null ? 'not available' : 'reported';
  if (!judged && result.measured !== null) return 'not judged (tiny)';
  return result.pass ? 'pass' : 'MISS';
}

/** The results as a Markdown table (used for the terminal and for the README). */
export function markdownTable(results: readonly ScenarioResult[], judged = true): string {
  const lines = [
    '| scenario | measured (median, IQR) | baseline (median, IQR) | ratio | target | result |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const ratio = r.ratio === null ? '-' : `${number(r.ratio)}x`;
    lines.push(
      `| ${r.scenario} | ${withSpread(r.measured, r.measuredSpread, r.unit)} | ${withSpread(r.baseline, r.baselineSpread, r.unit)} | ${ratio} | ${r.target} | ${verdict(r, judged)} |`,
    );
  }
  return lines.join('\n');
}

export function machineLine(machine: Machine): string {
  return `${machine.cpuModel}, ${machine.cpus} CPUs, ${machine.memGb} GB RAM, ${machine.platform}, Node ${machine.node}, ${machine.date.slice(0, 10)}`;
}

export function writeResults(file: string, machine: Machine, results: readonly ScenarioResult[], tiny: boolean): void {
  fs.writeFileSync(file, `${JSON.stringify({ machine, tiny, results }, null, 2)}\n`);
}
