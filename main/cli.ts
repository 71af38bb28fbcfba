// Command-line door on the same service: `npm run --silent cli -- <command> [--data-dir DIR]`.
import path from 'node:path';
import { EXPORT_KINDS, METHODS, type BackupInfo, type Method, type RestoreResult, type Result } from '../shared/api';
import type { InsightsReport } from '../shared/insights/types';
import { formatDistance } from '../shared/units';
import { openApp, type AppContext } from './context';
import { dispatch } from './dispatch';
import { currentExperimentSummary } from './experiments';
import { exportCsv, writeFileAtomic } from './exporter';
import { commitImport, describePlan, planImport } from './importer';
import { parseInWorker } from './importRunner';
import type { ParsedImport } from '../shared/csv';
import { argValue, resolveDataDir } from './paths';
import { BACKUP_DIR, listBackups } from './store/backups';
import { DataFolderLockedError } from './store/lock';

const USAGE = `Backstride command line

Usage: npm run --silent cli -- <command> [options] [--data-dir DIR]

Commands:
  insights [--json]        weekly series, correlations, day-level comparison and flags
  export <runs|pain|strength|weekly|experiments|all> --out PATH
                           CSV export (for "all", PATH is a folder that gets five files)
  import PATH... [--dry-run] [--only-valid] [--json]
                           import our CSVs, a Strava export (.zip, folder or activities.csv),
                           GPX, TCX or FIT files (also .gz); exit code 0 only when everything
                           imported or was already present
  backup                   back up the whole log now (into <data folder>/backups)
  backups                  list the backups, newest first
  restore FILE|--latest    replace the log with a backup (the current log is backed up first)
  call <method> [JSON]     run any operation of the contract with a JSON input
  methods                  list the operations 'call' accepts
  help                     this text

The data folder is --data-dir DIR, else BACKSTRIDE_DATA_DIR, else the app's per-user folder.
Only one Backstride may write to a data folder at a time; commands that only read (insights,
export, backup, backups, import --dry-run, read-only calls) also work while the app is open.`;

/** Commands that never change the log: they open it read-only, without the writer lock. */
const READ_ONLY_COMMANDS = new Set(['insights', 'list', 'export', 'backup', 'backups']);
const READ_ONLY_METHODS = new Set<string>([
  'app:info',
  'journal:list',
  'runs:onDate',
  'exercises:list',
  'settings:get',
  'insights:get',
  'insights:charts',
  'export:csv',
  'backup:now',
  'backup:list',
  'experiments:list',
  'experiments:result',
]);

export function cliAccess(command: string, rest: readonly string[], argv: readonly string[]): 'read' | 'write' {
  if (READ_ONLY_COMMANDS.has(command)) return 'read';
  if (command === 'import' && argv.includes('--dry-run')) return 'read';
  if (command === 'call' && READ_ONLY_METHODS.has(rest[0] ?? '')) return 'read';
  return 'write';
}

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
  const positional = argv.filter(
    (a, i) => !a.startsWith('--') && argv[i - 1] !== '--data-dir' && argv[i - 1] !== '--out',
  );
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
    ctx = openApp({ dataDir: resolveDataDir(argv), mode: 'browser', access: cliAccess(command, rest, argv) });
  } catch (error) {
    if (error instanceof DataFolderLockedError) {
      io.err(error.message);
      return 3;
    }
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
        // The running (or planned) experiment's result rides along: the same figures as the app.
        io.out(JSON.stringify({ ...report, experiment: currentExperimentSummary(ctx.repo) }));
      } else {
        for (const line of insightsSummary(report, ctx.repo.settings.distanceUnit)) io.out(line);
      }
      return 0;
    }
    case 'export': {
      const [kind] = rest;
      const out = argValue(argv, '--out');
      const kinds = kind === 'all' ? EXPORT_KINDS : EXPORT_KINDS.filter((k) => k === kind);
      if (kinds.length === 0 || !out)
        return fail(io, 'Usage: export <runs|pain|strength|weekly|experiments|all> --out PATH');
      for (const k of kinds) {
        const file = exportCsv(ctx.repo, k);
        const target = kind === 'all' ? path.join(out, `${k}.csv`) : out;
        writeFileAtomic(path.resolve(target), file.content);
        io.out(`Wrote ${file.rows} ${k} row${file.rows === 1 ? '' : 's'} to ${path.resolve(target)}`);
      }
      return 0;
    }
    case 'import': {
      if (rest.length === 0) return fail(io, 'Usage: import PATH... [--dry-run] [--only-valid] [--json]');
      // Read in a worker thread, under the same limits and memory ceiling as the app's imports.
      let parsed: ParsedImport[];
      try {
        ({ parsed } = await parseInWorker({
          files: rest.map((file) => ({ name: file, path: path.resolve(file) })),
          customExercises: ctx.repo.settings.customExercises,
        }));
      } catch (error) {
        return fail(io, error instanceof Error ? error.message : String(error));
      }
      const plan = planImport(ctx.repo, parsed);
      const json = argv.includes('--json');
      const report: Record<string, unknown> = {
        files: plan.files,
        new: { runs: plan.records.run.length, pain: plan.records.pain.length, strength: plan.records.strength.length },
        duplicates: plan.duplicates,
        errors: plan.errors,
        warnings: plan.warnings,
      };
      if (!json) {
        io.out(describePlan(plan));
        for (const issue of plan.errors) io.err(`  ${issue.message}`);
        for (const issue of plan.warnings) io.out(`  note: ${issue.message}`);
      }
      let code = plan.errors.length > 0 ? 1 : 0;
      if (!argv.includes('--dry-run')) {
        try {
          const summary = await commitImport(ctx.repo, plan, { onlyValid: argv.includes('--only-valid') });
          report.imported = summary;
          if (!json) io.out(summary.message);
        } catch (error) {
          report.imported = null;
          if (!json) io.err(`Error: ${(error as Error).message}`);
          code = 1;
        }
      }
      if (json) io.out(JSON.stringify(report, null, 2));
      return code;
    }
    case 'backup': {
      const result = await call(ctx, 'backup:now');
      if (!result.ok) return fail(io, result.error.message);
      const info = result.value as BackupInfo;
      io.out(`Backed up ${info.entries} entr${info.entries === 1 ? 'y' : 'ies'} to ${info.path}`);
      return 0;
    }
    case 'backups': {
      const list = listBackups(ctx.repo.dataDir);
      if (list.length === 0) io.out(`No backups yet in ${path.join(ctx.repo.dataDir, BACKUP_DIR)}.`);
      for (const b of list) io.out(`${b.file}  ${b.createdAt}  ${b.entries} entries`);
      return 0;
    }
    case 'restore': {
      const file = argv.includes('--latest') ? listBackups(ctx.repo.dataDir)[0]?.file : rest[0];
      if (!file)
        return fail(
          io,
          argv.includes('--latest') ? 'There are no backups to restore.' : 'Usage: restore FILE|--latest',
        );
      const folder = path.join(ctx.repo.dataDir, BACKUP_DIR);
      if (path.basename(file) !== file && path.dirname(path.resolve(file)) !== folder)
        return fail(io, `Restore takes one of the backups in ${folder} (see \`backups\`).`);
      const result = await call(ctx, 'backup:restore', { file: path.basename(file) });
      if (!result.ok) return fail(io, result.error.message);
      const { restored, safetyBackup } = result.value as RestoreResult;
      io.out(`Restored ${restored.entries} entries from ${restored.file}.`);
      io.out(`The log as it was before is backed up in ${safetyBackup.path}`);
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
