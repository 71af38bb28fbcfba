// Command-line door on the same service: `npm run --silent cli -- <command> [--data-dir DIR]`.
import { METHODS, type Method, type Result } from '../shared/api';
import type { InsightsReport } from '../shared/insights/types';
import { formatDistance } from '../shared/units';
import { openApp, type AppContext } from './context';
import { dispatch } from './dispatch';
import { resolveDataDir } from './paths';

const USAGE = `Backstride command line

Usage: npm run --silent cli -- <command> [options] [--data-dir DIR]

Commands:
  insights [--json]        weekly series, correlations, day-level comparison and flags
  call <method> [JSON]     run any operation of the contract with a JSON input
  methods                  list the operations 'call' accepts
  help                     this text

The data folder is --data-dir DIR, else BACKSTRIDE_DATA_DIR, else the app's per-user folder.`;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const consoleIo: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

async function call(ctx: AppContext, method: Method, input?: unknown): Promise<Result<unknown>> {
  return dispatch(ctx.handlers, method, input);
}

function fmt(value: number | null, digits = 2): string {
  return value === null ? '–' : value.toFixed(digits);
}

export function insightsSummary(report: InsightsReport, unit: 'km' | 'mi'): string[] {
  const lines: string[] = [];
  lines.push(`Weeks logged: ${report.weeks.length}`);
  const recent = report.weeks.slice(-8);
  if (recent.length > 0) {
    lines.push('', 'Week starting   core  runs  distance     mean pain  max pain  pain days');
    for (const w of recent) {
      lines.push(
        `${w.weekStart}      ${String(w.coreSessions).padStart(4)}  ${String(w.runs).padStart(4)}  ${formatDistance(w.runKm, unit, 1).padStart(11)}  ${fmt(w.meanBackPain, 1).padStart(9)}  ${fmt(w.maxBackPain, 0).padStart(8)}  ${String(w.painDays).padStart(9)}`,
      );
    }
  }
  lines.push('', 'Core sessions and back pain:');
  for (const c of report.correlations) {
    lines.push(`  lag ${c.lag} week${c.lag === 1 ? '' : 's'}: ${c.sentence}`);
    if (c.rho !== null) {
      lines.push(
        `    n=${c.n}, rho=${c.rho.toFixed(2)}, p=${fmt(c.pValue, 3)}, 95% interval ${c.ci95 ? `${c.ci95[0].toFixed(2)} to ${c.ci95[1].toFixed(2)}` : '–'}, adjusted for running distance ${fmt(c.partialRho)}`,
      );
    }
  }
  const d = report.dayLevel;
  lines.push('', 'Days after a core session vs. other days:');
  lines.push(`  after core: ${d.withCore.n} days, mean pain ${fmt(d.withCore.meanPain)}`);
  lines.push(`  otherwise:  ${d.withoutCore.n} days, mean pain ${fmt(d.withoutCore.meanPain)}`);
  if (d.difference !== null && d.ci95) {
    lines.push(
      `  difference ${d.difference.toFixed(2)} (95% interval ${d.ci95[0].toFixed(2)} to ${d.ci95[1].toFixed(2)})`,
    );
  } else if (d.reason) {
    lines.push(`  ${d.reason}`);
  }
  lines.push('', report.flags.length ? 'Flags:' : 'Flags: none');
  for (const f of report.flags) lines.push(`  ${f.date}  ${f.rule}: ${f.detail}`);
  return lines;
}

export async function runCli(argv: string[], io: CliIo = consoleIo): Promise<number> {
  const positional = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--data-dir');
  const [command, ...rest] = positional;
  if (!command || command === 'help' || argv.includes('--help')) {
    io.out(USAGE);
    return command ? 0 : 1;
  }
  if (command === 'methods') {
    for (const m of METHODS) io.out(m);
    return 0;
  }
  let ctx: AppContext;
  try {
    ctx = openApp({ dataDir: resolveDataDir(argv), mode: 'browser' });
  } catch (error) {
    io.err(`Cannot open the log: ${(error as Error).message}`);
    return 2;
  }
  for (const notice of ctx.repo.notices) io.err(`${notice.level.toUpperCase()}: ${notice.message}`);

  switch (command) {
    case 'insights': {
      const result = await call(ctx, 'insights:get');
      if (!result.ok) return fail(io, result.error.message);
      const report = result.value as InsightsReport;
      if (argv.includes('--json')) {
        io.out(JSON.stringify(report));
      } else {
        for (const line of insightsSummary(report, ctx.repo.settings.distanceUnit)) io.out(line);
      }
      return 0;
    }
    case 'call': {
      const [method, json] = rest;
      let input: unknown;
      try {
        input = json === undefined ? undefined : JSON.parse(json);
      } catch {
        return fail(io, 'The input is not valid JSON.');
      }
      const result = await call(ctx, method as Method, input);
      await ctx.repo.flush();
      if (!result.ok) return fail(io, result.error.message);
      io.out(JSON.stringify(result.value, null, 2));
      return 0;
    }
    default:
      io.err(`Unknown command: ${command}\n`);
      io.err(USAGE);
      return 1;
  }
}

function fail(io: CliIo, message: string): number {
  io.err(`Error: ${message}`);
  return 1;
}

// Run when executed directly (tsx main/cli.ts or node out/main/cli.js), not when imported by tests.
const entry = process.argv[1] ?? '';
if (/cli\.(ts|js|mjs)$/.test(entry)) {
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
