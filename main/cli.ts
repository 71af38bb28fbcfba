// Command-line door on the same service: `npm run --silent cli -- <command> [--data-dir DIR]`.
import path from 'node:path';
import readline from 'node:readline';
import {
  EXPORT_KINDS,
  type ApiErrorShape,
  type BackupInfo,
  type Method,
  type RestoreResult,
  type Result,
} from '../shared/api';
import type { InsightsReport } from '../shared/insights/types';
import { formatDistance } from '../shared/units';
import { openApp, type AppContext } from './context';
import { dispatch } from './dispatch';
import { methodLines } from './methodDocs';
import { currentExperimentSummary } from './experiments';
import { DISK_FULL_MESSAGE, isDiskFull, ServiceError } from './errors';
import { exportCsv, exportTargetProblem, writeExportFile } from './exporter';
import { parseImportPath } from './files/detect';
import { commitImport, describePlan, planImport } from './importer';
import { argValue, resolveDataDir } from './paths';
import { BACKUP_DIR, listBackups } from './store/backups';
import { breakLock, DataFolderLockedError } from './store/lock';

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
export, backup, backups, import --dry-run, read-only calls) also work while the app is open.
--break-lock removes a stale lock (after asking) when the message says who holds it.`;

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
  /** Asks a yes/no question (--break-lock); the terminal's stdin when not given. */
  confirm?(question: string): Promise<boolean>;
}

const consoleIo: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

/**
 * Control characters (C0 but tab and line feed, DEL, C1) and bidirectional overrides, shown as
 * `\uXXXX`: text from imported files (notes, names, file names) must never drive the terminal
 * (ESC sequences, BEL, OSC 52 writing the clipboard) or reorder what is shown. In JSON output
 * the escape is the same character to a JSON reader.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const TERMINAL_CONTROL_RE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function escapeForTerminal(text: string): string {
  return text.replace(TERMINAL_CONTROL_RE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function escapingIo(io: CliIo): CliIo {
  return { out: (l) => io.out(escapeForTerminal(l)), err: (l) => io.err(escapeForTerminal(l)) };
}

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

export async function runCli(argv: string[], terminal: CliIo = consoleIo): Promise<number> {
  const io = escapingIo(terminal);
  const positional = argv.filter(
    (a, i) => !a.startsWith('--') && argv[i - 1] !== '--data-dir' && argv[i - 1] !== '--out',
  );
  const [command, ...rest] = positional;
  if (!command || command === 'help' || argv.includes('--help')) {
    io.out(USAGE);
    return command ? 0 : 1;
  }
  if (command === 'methods') {
    for (const line of methodLines()) io.out(line);
    return 0;
  }
  const ctx = await openForCli(argv, command, rest, io, terminal);
  if (typeof ctx === 'number') return ctx;
  for (const notice of ctx.repo.notices) io.err(`${notice.level.toUpperCase()}: ${notice.message}`);
  try {
    return await runCommand(ctx, command, rest, argv, io);
  } catch (error) {
    // What the user can act on, in one line: never a stack trace.
    return fail(
      io,
      isDiskFull(error) ? DISK_FULL_MESSAGE : error instanceof ServiceError ? error.message : (error as Error).message,
    );
  }
}

/** Opens the log for a command, or says why not and returns the exit code; with --break-lock, offers to remove a stale lock. */
async function openForCli(
  argv: string[],
  command: string,
  rest: string[],
  io: CliIo,
  terminal: CliIo,
): Promise<AppContext | number> {
  const open = (): AppContext =>
    openApp({ dataDir: resolveDataDir(argv), mode: 'browser', access: cliAccess(command, rest, argv) });
  try {
    return open();
  } catch (error) {
    if (!(error instanceof DataFolderLockedError)) {
      io.err(`Cannot open the log: ${isDiskFull(error) ? DISK_FULL_MESSAGE : (error as Error).message}`);
      return 2;
    }
    io.err(error.message);
    if (!argv.includes('--break-lock')) return 3;
    const who = error.owner ? `process ${error.owner.pid} on ${error.owner.hostname}` : 'an unknown process';
    const confirmed = await (terminal.confirm ?? confirmOnStdin)(
      escapeForTerminal(
        `Remove the lock held by ${who}? Only do this if no Backstride is running there: two writers lose entries. Type "yes" to remove it: `,
      ),
    );
    if (!confirmed) {
      io.err('The lock was left in place.');
      return 3;
    }
    try {
      breakLock(resolveDataDir(argv), error.owner);
      io.err('The stale lock was removed.');
      return open();
    } catch (again) {
      io.err((again as Error).message);
      return again instanceof DataFolderLockedError ? 3 : 2;
    }
  }
}

/** Asks on the terminal (or reads the answer piped in): only "yes" confirms. */
async function confirmOnStdin(question: string): Promise<boolean> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await new Promise<string>((resolve) => {
      rl.question(question, resolve);
      rl.once('close', () => resolve(''));
    });
    return answer.trim().toLowerCase() === 'yes';
  } finally {
    rl.close();
  }
}

async function runCommand(
  ctx: AppContext,
  command: string,
  rest: string[],
  argv: string[],
  io: CliIo,
): Promise<number> {
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
      const folderProblem = kind === 'all' ? exportTargetProblem(path.resolve(out), 'folder') : undefined;
      if (folderProblem) return fail(io, folderProblem);
      for (const k of kinds) {
        const file = exportCsv(ctx.repo, k);
        const target = path.resolve(kind === 'all' ? path.join(out, `${k}.csv`) : out);
        writeExportFile(target, file.content);
        io.out(`Wrote ${file.rows} ${k} row${file.rows === 1 ? '' : 's'} to ${target}`);
      }
      return 0;
    }
    case 'import': {
      if (rest.length === 0) return fail(io, 'Usage: import PATH... [--dry-run] [--only-valid] [--json]');
      const parsed = [];
      for (const file of rest)
        parsed.push(...(await parseImportPath(file, { customExercises: ctx.repo.settings.customExercises })));
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
          if (!json) io.err(`Error: ${isDiskFull(error) ? DISK_FULL_MESSAGE : (error as Error).message}`);
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
      if (!result.ok) return fail(io, describeFailure(result.error));
      io.out(JSON.stringify(result.value, null, 2));
      return 0;
    }
    default:
      io.err(`Unknown command: ${command}\n`);
      io.err(USAGE);
      return 1;
  }
}

/** Every invalid field at once, so a script's author fixes them in one go. */
function describeFailure(error: ApiErrorShape): string {
  const issues = error.issues ?? [];
  if (issues.length < 2) return error.message;
  return [`${issues.length} fields are invalid:`, ...issues.map((i) => `  ${i.field || '(input)'}: ${i.message}`)].join(
    '\n',
  );
}

function fail(io: CliIo, message: string): number {
  io.err(`Error: ${message}`);
  return 1;
}

// Run when executed directly (tsx main/cli.ts or node out/main/cli.js), not when imported by tests.
const entry = process.argv[1] ?? '';
if (/cli\.(ts|js|mjs)$/.test(entry)) {
  // exitCode, not exit(): a large answer into a pipe is still being written when runCli returns.
  void runCli(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(escapeForTerminal(`Error: ${isDiskFull(error) ? DISK_FULL_MESSAGE : (error as Error).message}`));
      process.exitCode = 1;
    },
  );
}
