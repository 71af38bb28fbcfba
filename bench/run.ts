// `npm run bench`: generates deterministic logs, measures each scenario against a baseline run
// in the same process, prints a table and writes bench/results.json.
//
//   npm run bench                  full sizes (20-year log, 100k CSV rows, ...); several minutes
//   npm run bench -- --tiny        small sizes, few rounds: checks the bench still runs (npm test)
//   npm run bench -- --only save,open,cli,chart,start,scroll,memory,csv,gpx,fit
//   npm run bench -- --strict      exit 1 when a target is missed (default: report only)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildInsightsReport } from '../shared/insights';
import { DEFAULT_SETTINGS } from '../shared/model';
import { countRecords, generateLog, jsonBytes, LOG_END_DATE, SIZES, writeLog, type LogSize } from './generate';
import { machineInfo, machineLine, markdownTable, writeResults, type ScenarioResult } from './report';
import {
  chartScenario,
  launchChromium,
  memoryScenario,
  scrollScenario,
  SERVE_JS,
  startScenario,
} from './scenarios/browser';
import { csvExportScenario, csvImportScenario, fitScenario, gpxScenario } from './scenarios/files';
import { cliAddScenario, openScenario, saveScenarios } from './scenarios/store';
import { Workspace } from './workspace';

const ROOT = path.resolve(import.meta.dirname, '..');

interface Plan {
  log: LogSize;
  logLabel: string;
  /**
   * Rounds for every in-process scenario (saving, opening, the CLI, the file imports and the
   * export). The first rounds of a scenario run while the heap grows and the code warms up:
   * opening's first five or six measured 50-79 ms against 33-41 ms later, and the CSV export's
   * first three or four about twice the later ones on both sides. With 11 rounds they were a
   * third of the samples and flipped medians from run to run; with 33 they are not.
   */
  rounds: number;
  browserRounds: number;
  startRounds: number;
  memoryRounds: number;
  chartWeeks: number;
  scrollOlderPages: number;
  scrollSteps: number;
  csvRows: number;
  gpxPoints: number;
  fitSeconds: number;
}

const FULL: Plan = {
  log: SIZES.twentyYears,
  logLabel: '20-year log',
  rounds: 33,
  browserRounds: 9,
  startRounds: 5,
  memoryRounds: 3,
  chartWeeks: 1000,
  scrollOlderPages: 4,
  scrollSteps: 40,
  csvRows: 100_000,
  gpxPoints: 50_000,
  fitSeconds: 4 * 3600,
};

const TINY: Plan = {
  log: SIZES.oneYear,
  logLabel: '1-year log (tiny)',
  rounds: 5,
  browserRounds: 3,
  startRounds: 1,
  memoryRounds: 1,
  chartWeeks: 1000,
  scrollOlderPages: 1,
  scrollSteps: 8,
  csvRows: 2_000,
  gpxPoints: 2_000,
  fitSeconds: 600,
};

const GROUPS = ['save', 'open', 'cli', 'chart', 'start', 'scroll', 'memory', 'csv', 'gpx', 'fit'] as const;
type Group = (typeof GROUPS)[number];

function parseArgs(argv: string[]): { tiny: boolean; strict: boolean; only: Set<Group> } {
  const tiny = argv.includes('--tiny');
  const strict = argv.includes('--strict');
  const onlyIndex = argv.indexOf('--only');
  const onlyValue = onlyIndex >= 0 ? argv[onlyIndex + 1] : argv.find((a) => a.startsWith('--only='))?.slice(7);
  const only = new Set<Group>();
  for (const name of (onlyValue ?? GROUPS.join(',')).split(',')) {
    if (!(GROUPS as readonly string[]).includes(name)) {
      throw new Error(`Unknown scenario group "${name}"; choose from ${GROUPS.join(', ')}.`);
    }
    only.add(name as Group);
  }
  return { tiny, strict, only };
}

/** The browser scenarios run the built app; build it when out/ is missing. */
function ensureBuilt(): void {
  if (fs.existsSync(SERVE_JS) && fs.existsSync(path.join(ROOT, 'out/renderer/index.html'))) return;
  console.log('out/ is missing: building the app (npx electron-vite build) ...');
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('electron-vite build failed.');
}

function log(message: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

async function main(): Promise<number> {
  const { tiny, strict, only } = parseArgs(process.argv.slice(2));
  const plan = tiny ? TINY : FULL;
  const machine = machineInfo();
  const ws = new Workspace();
  const stopNow = (): void => {
    ws.disposeNow();
    process.exit(130);
  };
  process.once('SIGINT', stopNow);
  process.once('SIGTERM', stopNow);

  const results: ScenarioResult[] = [];
  let broken = 0;
  const attempt = async (group: Group, label: string, work: () => Promise<ScenarioResult | ScenarioResult[]>) => {
    if (!only.has(group)) return;
    log(`${label} ...`);
    try {
      const outcome = await work();
      results.push(...(Array.isArray(outcome) ? outcome : [outcome]));
    } catch (error) {
      broken++;
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(`The scenario "${label}" could not run:\n${message}`);
      results.push({
        scenario: label,
        measured: null,
        baseline: null,
        ratio: null,
        target: '-',
        pass: false,
        unit: 'ms',
        note: `could not run: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };

  try {
    log(`machine: ${machineLine(machine)}`);
    log(`generating the ${plan.logLabel} ...`);
    const bigLog = generateLog(plan.log);
    const bigDir = ws.dir('template-big');
    const emptyDir = ws.dir('template-empty');
    await writeLog(bigDir, bigLog);
    await writeLog(emptyDir, { runs: [], pain: [], strength: [] });
    log(
      `${countRecords(bigLog).toLocaleString('en')} entries (${bigLog.runs.length} runs, ${bigLog.pain.length} pain ratings, ${bigLog.strength.length} sessions)`,
    );
    const store = { ws, bigLog: bigDir, bigLabel: plan.logLabel, rounds: plan.rounds };

    await attempt('save', 'save one entry', () => saveScenarios(store));
    await attempt('open', 'open the log and compute all insights', () => openScenario(store));
    await attempt('cli', 'CLI: add one run', () => cliAddScenario(store));

    const needsBrowser = (['chart', 'start', 'scroll', 'memory'] as const).some((g) => only.has(g));
    if (needsBrowser) {
      const browser = await launchChromium(ws);
      await attempt('chart', 'trend chart render', async () => {
        // The chart always gets 1,000 weeks (from a 20-year log, whatever the log size above),
        // because that is what the target is about; the tiny run just measures fewer rounds.
        const chartLog = tiny ? generateLog(SIZES.twentyYears) : bigLog;
        const report = buildInsightsReport({
          runs: chartLog.runs,
          pain: chartLog.pain,
          strength: chartLog.strength,
          customExercises: [],
          weekStartsOn: DEFAULT_SETTINGS.weekStartsOn,
          today: LOG_END_DATE,
        });
        const weeks = report.weeks.slice(-plan.chartWeeks);
        const first = weeks[0]?.weekStart ?? '';
        const flags = report.flags.filter((f) => f.date >= first);
        return chartScenario(ws, browser, weeks, flags, plan.browserRounds);
      });
      if (only.has('start') || only.has('scroll') || only.has('memory')) ensureBuilt();
      await attempt('start', 'app start to journal interactive', () =>
        startScenario(ws, browser, bigDir, emptyDir, plan.logLabel, plan.startRounds, tiny ? 0 : 1),
      );
      await attempt('memory', 'renderer memory', () =>
        memoryScenario(ws, browser, bigDir, emptyDir, plan.logLabel, jsonBytes(bigLog), plan.memoryRounds),
      );
      await attempt('scroll', 'journal scroll', async () => {
        // Without the 60 Hz cap, an interval between frames is the time the frame really took.
        const uncapped = await launchChromium(ws, [
          '--disable-frame-rate-limit',
          '--disable-gpu-vsync',
          '--run-all-compositor-stages-before-draw',
        ]);
        return scrollScenario(ws, uncapped, bigDir, plan.logLabel, plan.scrollOlderPages, plan.scrollSteps);
      });
    }

    if (only.has('csv')) {
      const rows = generateLog(
        { years: 20, runsPerYear: plan.csvRows / 20, painPerYear: 0, strengthPerYear: 0 },
        99,
      ).runs;
      await attempt('csv', 'CSV export', () => csvExportScenario(rows, plan.rounds));
      await attempt('csv', 'CSV import', () => csvImportScenario(rows, plan.rounds));
    }
    await attempt('gpx', 'GPX import', () => gpxScenario(plan.gpxPoints, plan.rounds));
    await attempt('fit', 'FIT import', () => fitScenario(plan.fitSeconds, plan.rounds));
  } finally {
    await ws.dispose();
    process.off('SIGINT', stopNow);
    process.off('SIGTERM', stopNow);
  }

  const outFile = tiny ? path.join(ROOT, '.tmp/bench-results.tiny.json') : path.join(ROOT, 'bench/results.json');
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  writeResults(outFile, machine, results, tiny);

  console.log('');
  console.log(markdownTable(results, !tiny));
  console.log('');
  console.log(`Machine: ${machineLine(machine)}`);
  for (const r of results) if (r.note) console.log(`- ${r.scenario}: ${r.note}`);
  const judged = results.filter((r) => r.pass !== null);
  const met = judged.filter((r) => r.pass).length;
  console.log(
    `\n${met} of ${judged.length} targets met${tiny ? ' (tiny sizes: ratios are reported, not judged)' : ''}.`,
  );
  console.log(`Results written to ${path.relative(ROOT, outFile)}.`);
  if (broken > 0) return 1;
  return strict && !tiny && met < judged.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
