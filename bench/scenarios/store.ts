// Storage scenarios: saving one entry into a big log, and opening the log with all insights.
import fs from 'node:fs';
import path from 'node:path';
import type { RunInput } from '../../shared/model';
import { runCli } from '../../main/cli';
import { openApp, type AppContext } from '../../main/context';
import { dispatch } from '../../main/dispatch';
import { dataFiles, LOG_END_DATE } from '../generate';
import { ratioResult, type ScenarioResult } from '../report';
import { measurePaired, timeMs } from '../stats';
import type { Workspace } from '../workspace';

export interface StoreFixture {
  ws: Workspace;
  /** Data folder holding the big generated log (never written to by scenarios). */
  bigLog: string;
  /** How the big log is named in the table, e.g. "20-year log". */
  bigLabel: string;
  rounds: number;
}

/** The least a durable save can cost: temp file, fsync, rename, fsync of the folder. */
export function rawAtomicWrite(file: string, bytes: Uint8Array): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  const dirFd = fs.openSync(path.dirname(file), 'r');
  try {
    fs.fsyncSync(dirFd);
  } finally {
    fs.closeSync(dirFd);
  }
}

let saveCounter = 0;
/** A run on the log's last day, so it lands in a full year's partition of the big log. */
function benchRun(): RunInput {
  saveCounter++;
  return {
    date: LOG_END_DATE,
    startTime: '07:30',
    distanceKm: 8.4,
    durationS: 2900,
    effort: 5,
    surface: 'road',
    notes: `Bench save ${saveCounter}`,
  };
}

/** One save through the same door the app uses (contract validation, then the handler). */
async function timedSave(app: AppContext): Promise<number> {
  const input = benchRun();
  const start = performance.now();
  const result = await dispatch(app.handlers, 'runs:save', input);
  const ms = performance.now() - start;
  if (!result.ok) throw new Error(`The bench save was refused: ${result.error.message}`);
  return ms;
}

export async function saveScenarios(fx: StoreFixture): Promise<ScenarioResult[]> {
  const bigDir = fx.ws.copy(fx.bigLog, 'save-big');
  const emptyDir = fx.ws.dir('save-empty');
  const big = openApp({ dataDir: bigDir, mode: 'browser' });
  const empty = openApp({ dataDir: emptyDir, mode: 'browser' });
  const partition = path.join(bigDir, `runs-${LOG_END_DATE.slice(0, 4)}.json`);
  const rawTarget = path.join(bigDir, 'bench-raw-write.json');
  // The baseline writes exactly the bytes the last save wrote into the partition file.
  const rawWrite = (): number => {
    const bytes = fs.readFileSync(partition);
    const start = performance.now();
    rawAtomicWrite(rawTarget, bytes);
    return performance.now() - start;
  };

  const vsRaw = await measurePaired(fx.rounds, () => timedSave(big), rawWrite, 3);
  const vsEmpty = await measurePaired(
    fx.rounds,
    () => timedSave(big),
    () => timedSave(empty),
    3,
  );
  await big.repo.close();
  await empty.repo.close();
  const kb = Math.round(fs.statSync(partition).size / 1024);
  return [
    ratioResult(`save one entry into the ${fx.bigLabel}`, vsRaw, 1.3, {
      note: `baseline: temp file + fsync + rename + folder fsync of the same ${kb} KB partition file`,
    }),
    ratioResult(`save one entry: ${fx.bigLabel} vs empty log`, vsEmpty, 5, { reportOnly: true }),
  ];
}

export async function openScenario(fx: StoreFixture): Promise<ScenarioResult> {
  const dir = fx.ws.copy(fx.bigLog, 'open');
  const files = dataFiles(dir);
  const bytes = files.reduce((sum, file) => sum + fs.statSync(file).size, 0);
  // As the app opens it (writer lock, automatic backups); the warm-up round writes the day's backup.
  const openAndCompute = async (): Promise<number> => {
    const start = performance.now();
    const app = openApp({ dataDir: dir, mode: 'browser' });
    const report = await dispatch(app.handlers, 'insights:get', undefined);
    const ms = performance.now() - start;
    await app.repo.close();
    if (!report.ok) throw new Error(`insights:get failed: ${report.error.message}`);
    return ms;
  };
  const parseOnly = (): Promise<number> =>
    timeMs(() => {
      for (const file of files) JSON.parse(fs.readFileSync(file, 'utf8'));
    });
  const samples = await measurePaired(fx.rounds, openAndCompute, parseOnly);
  return ratioResult(`open the log and compute all insights, ${fx.bigLabel}`, samples, 2, {
    note: `baseline: read + JSON.parse of each of the ${files.length} data files (${(bytes / 1024 ** 2).toFixed(1)} MB)`,
  });
}

/**
 * One `call runs:save` through the CLI's own entry point (runCli, in this process: after
 * start-up), which opens the log, adds the run and closes it again.
 */
async function timedCliAdd(dataDir: string): Promise<number> {
  const input = JSON.stringify(benchRun());
  const errors: string[] = [];
  const start = performance.now();
  const code = await runCli(['call', 'runs:save', input, '--data-dir', dataDir], {
    out: () => undefined,
    err: (line) => errors.push(line),
  });
  const ms = performance.now() - start;
  if (code !== 0) throw new Error(`The CLI add failed: ${errors.join(' ')}`);
  return ms;
}

export async function cliAddScenario(fx: StoreFixture): Promise<ScenarioResult> {
  const bigDir = fx.ws.copy(fx.bigLog, 'cli-big');
  const emptyDir = fx.ws.dir('cli-empty');
  // The warm-up rounds write each log's backup of the day, as the first write of a day does.
  const samples = await measurePaired(
    fx.rounds,
    () => timedCliAdd(bigDir),
    () => timedCliAdd(emptyDir),
    3,
  );
  return ratioResult(`CLI: add one run to the ${fx.bigLabel} vs an empty log`, samples, 1.5, {
    note: 'runCli call runs:save in this process (after start-up): open, add, close; the baseline adds to an empty log',
  });
}
