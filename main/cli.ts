// Command-line door on the same service: `npm run --silent cli -- <command> [--data-dir DIR]`.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import {
  EXPORT_KINDS,
  READ_METHODS,
  isMethod,
  type ApiErrorShape,
  type ImportPreview,
  type Method,
} from '../shared/api';
import type { InsightsReport } from '../shared/insights/types';
import { reportDocument, type BuiltReport } from '../shared/report';
import { formatDistance } from '../shared/units';
import { openApp, type AppContext } from './context';
import { dispatch } from './dispatch';
import { methodLines } from './methodDocs';
import { currentExperimentSummary } from './experiments';
import { DISK_FULL_MESSAGE, isDiskFull, ServiceError } from './errors';
import { exportTargetProblem, writeExportFile } from './exporter';
import { resolveDataDir } from './paths';
import { BACKUP_DIR } from './store/backups';
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
  report [--weeks N | --from YYYY-MM-DD [--to YYYY-MM-DD]] --out FILE.html
                           the report for a physiotherapist (last 12 weeks unless told) as
                           one self-contained HTML file to open or print anywhere
  backup                   back up the whole log now (into <data folder>/backups)
  backups                  list the backups, newest first
  restore FILE|--latest    replace the log with a backup (the current log is backed up first)
  call <method> [JSON]     run any operation of the contract with a JSON input
  methods                  list the operations 'call' accepts
  help                     this text

The data folder is --data-dir DIR, else BACKSTRIDE_DATA_DIR, else the app's per-user folder.
Only one Backstride may write to a data folder at a time; commands that only read (insights,
report, export, backup, backups, import --dry-run, read-only calls) also work while the app is open.
--break-lock removes a stale lock (after asking) when the message says who holds it.`;

/** The contract methods each command calls: it may open the log read-only when all of them only read. */
const COMMAND_METHODS: Record<string, readonly Method[]> = {
  insights: ['insights:get'],
  report: ['report:build'],
  export: ['export:csv'],
  import: ['import:previewPaths', 'import:commit'],
  'import --dry-run': ['import:previewPaths'],
  backup: ['backup:now'],
  backups: ['backup:list'],
  restore: ['backup:list', 'backup:restore'],
};

/** 'read' opens the log without the writer lock; derived from the contract's access facts. */
export function cliAccess(command: string, rest: readonly string[], flags: { 'dry-run'?: boolean }): 'read' | 'write' {
  const key = command === 'import' && flags['dry-run'] ? 'import --dry-run' : command;
  const methods = command === 'call' ? [rest[0]] : COMMAND_METHODS[key];
  if (!methods) return 'write';
  return methods.every((m) => isMethod(m) && READ_METHODS.has(m)) ? 'read' : 'write';
}

const OPTIONS = {
  'data-dir': { type: 'string' },
  out: { type: 'string' },
  weeks: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  json: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  'only-valid': { type: 'boolean' },
  latest: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  'break-lock': { type: 'boolean' },
} as const;

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

const call = <M extends Method>(ctx: AppContext, method: M, input?: unknown) =>
  dispatch(ctx.handlers, method, input, 'cli');

type Flags = ReturnType<typeof parseCliArgs>['values'];
const parseCliArgs = (argv: string[]) =>
  parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });

function fmt(value: number | null, digits = 2): string {
  return value === null ? '–' : value.toFixed(digits);
}

export function insightsSummary(report: InsightsReport, unit: 'km' | 'mi'): string[] {
  const lines: string[] = [];
  const h = report.headline;
  lines.push('Does your back hurt less the week after more core work?', `  ${h.sentence}`);
  if (h.estimate !== null && h.ci95 && h.pValue !== null) {
    lines.push(
      `  estimate ${h.estimate.toFixed(2)} points per extra core session, 95% interval ${h.ci95[0].toFixed(2)} to ${h.ci95[1].toFixed(2)}, p=${fmt(h.pValue, 3)}, n=${h.n}`,
    );
  }
  lines.push(`  How: ${h.method}`, '');
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
  lines.push('', 'Exploration (descriptive; p adjusted over the three lags by Holm):');
  for (const c of report.correlations) {
    lines.push(`  lag ${c.lag} week${c.lag === 1 ? '' : 's'}: ${c.sentence}`);
    if (c.rho !== null) {
      lines.push(
        `    n=${c.n}, rho=${c.rho.toFixed(2)}, p=${fmt(c.pValue, 3)} (Holm ${fmt(c.pHolm, 3)}), 95% interval ${c.ci95 ? `${c.ci95[0].toFixed(2)} to ${c.ci95[1].toFixed(2)}` : '–'}, adjusted for running distance ${fmt(c.partialRho)}`,
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
  let parsed;
  try {
    parsed = parseCliArgs(argv);
  } catch (error) {
    io.err(`${(error as Error).message}\n`);
    io.err(USAGE);
    return 1;
  }
  const { values: flags, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (!command || command === 'help' || flags.help) {
    io.out(USAGE);
    return command || flags.help ? 0 : 1;
  }
  if (command === 'methods') {
    for (const line of methodLines()) io.out(line);
    return 0;
  }
  const ctx = await openForCli(flags, command, rest, io, terminal);
  if (typeof ctx === 'number') return ctx;
  let told = 0;
  const tell = (): void => {
    for (const notice of ctx.repo.notices.slice(told)) io.err(`${notice.level.toUpperCase()}: ${notice.message}`);
    told = ctx.repo.notices.length;
  };
  tell();
  try {
    return await runCommand(ctx, command, rest, flags, io);
  } catch (error) {
    // What the user can act on, in one line: never a stack trace.
    return fail(
      io,
      isDiskFull(error) ? DISK_FULL_MESSAGE : error instanceof ServiceError ? error.message : (error as Error).message,
    );
  } finally {
    // Files read on demand during the command (a call) may have had something to say too.
    tell();
    await ctx.repo.close();
  }
}

/** Opens the log for a command, or says why not and returns the exit code; with --break-lock, offers to remove a stale lock. */
async function openForCli(
  flags: Flags,
  command: string,
  rest: string[],
  io: CliIo,
  terminal: CliIo,
): Promise<AppContext | number> {
  const dataDir = flags['data-dir'] ? path.resolve(flags['data-dir']) : resolveDataDir([]);
  const open = (): AppContext =>
    openApp({
      dataDir,
      mode: 'browser',
      access: cliAccess(command, rest, flags),
      // A single call (e.g. adding a run) reads only the files it needs; anything reading the
      // log reads the rest first (LogRepository's loadOnDemand).
      loadOnDemand: command === 'call',
    });
  try {
    return open();
  } catch (error) {
    if (!(error instanceof DataFolderLockedError)) {
      io.err(`Cannot open the log: ${isDiskFull(error) ? DISK_FULL_MESSAGE : (error as Error).message}`);
      return 2;
    }
    io.err(error.message);
    if (!flags['break-lock']) return 3;
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
      breakLock(dataDir, error.owner);
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

async function runCommand(ctx: AppContext, command: string, rest: string[], flags: Flags, io: CliIo): Promise<number> {
  switch (command) {
    case 'insights': {
      const result = await call(ctx, 'insights:get');
      if (!result.ok) return fail(io, result.error.message);
      if (flags.json) {
        // The running (or planned) experiment's result rides along: the same figures as the app.
        io.out(JSON.stringify({ ...result.value, experiment: currentExperimentSummary(ctx.repo) }));
      } else {
        for (const line of insightsSummary(result.value, ctx.repo.settings.distanceUnit)) io.out(line);
      }
      return 0;
    }
    case 'report':
      return writeReport(ctx, flags, io);
    case 'export': {
      const [kind] = rest;
      const out = flags.out;
      const kinds = kind === 'all' ? EXPORT_KINDS : EXPORT_KINDS.filter((k) => k === kind);
      if (kinds.length === 0 || !out)
        return fail(io, 'Usage: export <runs|pain|strength|weekly|experiments|all> --out PATH');
      const folderProblem = kind === 'all' ? exportTargetProblem(path.resolve(out), 'folder') : undefined;
      if (folderProblem) return fail(io, folderProblem);
      for (const k of kinds) {
        const result = await call(ctx, 'export:csv', { kind: k });
        if (!result.ok) return fail(io, result.error.message);
        const file = result.value;
        const target = path.resolve(kind === 'all' ? path.join(out, `${k}.csv`) : out);
        writeExportFile(target, file.content);
        io.out(`Wrote ${file.rows} ${k} row${file.rows === 1 ? '' : 's'} to ${target}`);
      }
      return 0;
    }
    case 'import':
      return importPaths(ctx, rest, flags, io);
    case 'backup': {
      const result = await call(ctx, 'backup:now');
      if (!result.ok) return fail(io, result.error.message);
      const info = result.value;
      io.out(`Backed up ${info.entries} entr${info.entries === 1 ? 'y' : 'ies'} to ${info.path}`);
      return 0;
    }
    case 'backups': {
      const listed = await call(ctx, 'backup:list');
      if (!listed.ok) return fail(io, listed.error.message);
      const list = listed.value;
      if (list.length === 0) io.out(`No backups yet in ${path.join(ctx.repo.dataDir, BACKUP_DIR)}.`);
      for (const b of list) io.out(`${b.file}  ${b.createdAt}  ${b.entries} entries`);
      return 0;
    }
    case 'restore': {
      let file = rest[0];
      if (flags.latest) {
        const list = await call(ctx, 'backup:list');
        if (!list.ok) return fail(io, list.error.message);
        file = list.value[0]?.file;
      }
      if (!file) return fail(io, flags.latest ? 'There are no backups to restore.' : 'Usage: restore FILE|--latest');
      const folder = path.join(ctx.repo.dataDir, BACKUP_DIR);
      if (path.basename(file) !== file && path.dirname(path.resolve(file)) !== folder)
        return fail(io, `Restore takes one of the backups in ${folder} (see \`backups\`).`);
      const result = await call(ctx, 'backup:restore', { file: path.basename(file) });
      if (!result.ok) return fail(io, result.error.message);
      const { restored, safetyBackup } = result.value;
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
      const result = await dispatch(ctx.handlers, method, input, 'cli');
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

/** Previews the files (and, unless --dry-run, imports them): exit 0 only when all of it went in or was there. */
async function importPaths(
  ctx: AppContext,
  paths: string[],
  flags: { json?: boolean; 'dry-run'?: boolean; 'only-valid'?: boolean },
  io: CliIo,
): Promise<number> {
  if (paths.length === 0) return fail(io, 'Usage: import PATH... [--dry-run] [--only-valid] [--json]');
  const previewed = await call(ctx, 'import:previewPaths', { paths });
  if (!previewed.ok) return fail(io, previewed.error.message);
  const plan: ImportPreview = previewed.value;
  const report: Record<string, unknown> = {
    files: plan.files,
    new: { runs: plan.newCounts.run, pain: plan.newCounts.pain, strength: plan.newCounts.strength },
    duplicates: plan.duplicates,
    duplicatesBy: plan.duplicatesBy,
    errors: plan.errors,
    errorCount: plan.errorCount,
    warnings: plan.warnings,
    warningCount: plan.warningCount,
  };
  if (!flags.json) {
    io.out(plan.summary);
    for (const issue of plan.errors) io.err(`  ${issue.message}`);
    if (plan.errorCount > plan.errors.length) io.err(`  … and ${plan.errorCount - plan.errors.length} more problems.`);
    for (const issue of plan.warnings) io.out(`  note: ${issue.message}`);
    if (plan.warningCount > plan.warnings.length)
      io.out(`  … and ${plan.warningCount - plan.warnings.length} more notes.`);
  }
  let code = plan.errorCount > 0 ? 1 : 0;
  if (!flags['dry-run']) {
    const committed = await call(ctx, 'import:commit', {
      previewId: plan.previewId,
      onlyValid: flags['only-valid'] === true,
    });
    if (committed.ok) {
      report.imported = committed.value;
      if (!flags.json) io.out(committed.value.message);
    } else {
      report.imported = null;
      if (!flags.json) io.err(`Error: ${committed.error.message}`);
      code = 1;
    }
  }
  if (flags.json) io.out(JSON.stringify(report, null, 2));
  return code;
}

const REPORT_USAGE = 'Usage: report [--weeks N | --from YYYY-MM-DD [--to YYYY-MM-DD]] --out FILE.html';

/** `report`: the same report as the Report screen, as one self-contained HTML file. Writes nothing on any error. */
async function writeReport(ctx: AppContext, flags: Flags, io: CliIo): Promise<number> {
  const out = flags.out;
  if (!out) return fail(io, `--out FILE.html is required.\n${REPORT_USAGE}`);
  const ext = path.extname(out).toLowerCase();
  if (ext === '.pdf')
    return fail(
      io,
      'The command line cannot make a PDF here (that needs a browser engine). Write --out report.html instead ' +
        'and print it to PDF from any browser, or use Save as PDF on the Report screen.',
    );
  if (ext !== '.html' && ext !== '.htm') return fail(io, `--out must end in .html (got "${path.basename(out)}").`);
  const weeksText = flags.weeks;
  if (weeksText !== undefined && !/^\d+$/.test(weeksText))
    return fail(io, `--weeks takes a whole number of weeks, e.g. --weeks 12 (got "${weeksText}").\n${REPORT_USAGE}`);
  const query = {
    ...(weeksText !== undefined ? { weeks: Number(weeksText) } : {}),
    ...(flags.from !== undefined ? { from: flags.from } : {}),
    ...(flags.to !== undefined ? { to: flags.to } : {}),
  };
  const result = await call(ctx, 'report:build', query);
  if (!result.ok) {
    const { field, message } = result.error;
    // Name the option, not the contract's field: "--from: Enter a real date as YYYY-MM-DD."
    const text = field && message.startsWith(`${field}: `) ? `--${message}` : message;
    return fail(io, `${text}\n${REPORT_USAGE}`);
  }
  const report = result.value as BuiltReport;
  const target = path.resolve(out);
  try {
    writeExportFile(target, reportDocument(report.html, `Backstride report ${report.from} to ${report.through}`));
  } catch (error) {
    if (error instanceof ServiceError) return fail(io, error.message);
    return fail(io, `Could not write ${target}: ${isDiskFull(error) ? DISK_FULL_MESSAGE : (error as Error).message}`);
  }
  io.out(
    `Wrote the report for ${report.weeks} week${report.weeks === 1 ? '' : 's'} (${report.from} to ${report.through}) to ${target}`,
  );
  return 0;
}

function fail(io: CliIo, message: string): number {
  io.err(`Error: ${message}`);
  return 1;
}

/** Runs the CLI on the process's arguments and sets its exit code (scripts/cli.mjs and direct runs). */
export function main(args: readonly string[] = process.argv.slice(2)): Promise<void> {
  // exitCode, not exit(): a large answer into a pipe is still being written when runCli returns.
  return runCli([...args]).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(escapeForTerminal(`Error: ${isDiskFull(error) ? DISK_FULL_MESSAGE : (error as Error).message}`));
      process.exitCode = 1;
    },
  );
}

// Run when executed directly (tsx main/cli.ts or node out/main/cli.js), not when imported by
// tests or by scripts/cli.mjs (which calls main itself).
function runDirectly(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return fs.realpathSync(entry) === fs.realpathSync(import.meta.filename);
  } catch {
    return false;
  }
}
if (runDirectly()) void main();
