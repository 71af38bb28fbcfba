// Crash safety: a child process changes the log through the real repository in a loop and is
// killed with SIGKILL at random moments, again and again on the same data folder. After every
// kill the store opens with no damage notice (every file parses) and holds every change whose
// promise had resolved: saved entries are there with their acknowledged date, deleted ones gone.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMP_FILE_RE } from '../../../main/store/atomicWrite';
import type { EntryType } from '../../../shared/model';
import { tempDir } from '../../helpers';
import { bundleForChild, openRepo, recordStat } from './storeHelpers';

const KILLS = 52;
const LANES = 4;

let bundle: string;
let removeBundle: () => void = () => undefined;
beforeAll(() => {
  // Bundled once, so each child starts in a fraction of a second (tsx would take ~1.5 s a start).
  const built = bundleForChild(path.join(import.meta.dirname, 'crashWriter.ts'), 'crashWriter');
  bundle = built.file;
  removeBundle = built.remove;
});
afterAll(() => removeBundle());

interface Expected {
  type: EntryType;
  present: boolean;
  date?: string;
}
type Op = { kind: 'save'; type: EntryType; id: string; date: string } | { kind: 'delete'; type: EntryType; id: string };

function parseOp(words: string[]): Op {
  const [kind, type, id, date] = words as [string, EntryType, string, string?];
  return kind === 'delete' ? { kind, type, id } : { kind: 'save', type, id, date: date! };
}

/** Runs the writer until a random moment, kills it, and returns the one operation that was in flight. */
function runAndKill(
  dataDir: string,
  seed: number,
  expected: Map<string, Expected>,
  random: () => number,
): Promise<{ inFlight: Op | undefined; acks: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, dataDir, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let inFlight: Op | undefined;
    let acks = 0;
    let buffered = '';
    let stderr = '';
    const kill = (): void => void child.kill('SIGKILL');
    // One kill in six lands while the child is still starting (opening the folder, taking the lock).
    const early = random() < 1 / 6;
    if (early) setTimeout(kill, random() * 250);
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [word, ...rest] = line.split(' ');
        if (word === 'ready' && !early) setTimeout(kill, random() * 200);
        else if (word === 'begin') inFlight = parseOp(rest);
        else if (word === 'ack') {
          const op = parseOp(rest);
          expected.set(
            op.id,
            op.kind === 'save' ? { type: op.type, present: true, date: op.date } : { type: op.type, present: false },
          );
          inFlight = undefined;
          acks++;
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own (code ${code}):\n${stderr}`));
      else resolve({ inFlight, acks });
    });
  });
}

describe('SIGKILL at random moments', () => {
  const totals = { kills: 0, acknowledged: 0, checkedEntries: 0, leftoverTempFiles: 0 };
  afterAll(() =>
    recordStat('crash', {
      killsSurvived: totals.kills,
      acknowledgedOperations: totals.acknowledged,
      entriesCheckedAfterKills: totals.checkedEntries,
      halfWrittenTempFilesFound: totals.leftoverTempFiles,
    }),
  );

  it(`loses no acknowledged change across ${KILLS} kills`, { timeout: 120_000 }, async () => {
    const started = Date.now();
    const lane = async (laneIndex: number): Promise<void> => {
      const dataDir = tempDir('backstride-crash-');
      const expected = new Map<string, Expected>();
      let state = 0x9e3779b9 ^ (laneIndex * 7919);
      const random = (): number => {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
        return state / 4294967296;
      };
      for (let round = 0; round < KILLS / LANES; round++) {
        const { inFlight, acks } = await runAndKill(dataDir, laneIndex * 1000 + round + 1, expected, random);
        totals.kills++;
        totals.acknowledged += acks;
        totals.leftoverTempFiles += fs.readdirSync(dataDir).filter((name) => TEMP_FILE_RE.test(name)).length;

        // The next start: takes over the dead writer's lock, finds every file readable.
        const repo = openRepo(dataDir, { lock: true });
        expect(repo.notices, `lane ${laneIndex} round ${round}`).toEqual([]);
        for (const [id, want] of expected) {
          const got = repo.get(want.type, id);
          if (inFlight?.id === id) {
            // Not acknowledged: either outcome is allowed; from now on the disk's answer is the truth.
            expected.set(
              id,
              got ? { type: want.type, present: true, date: got.date } : { type: want.type, present: false },
            );
            continue;
          }
          if (want.present) expect(got?.date, `lane ${laneIndex} round ${round}: ${id}`).toBe(want.date);
          else expect(got, `lane ${laneIndex} round ${round}: deleted ${id}`).toBeUndefined();
          totals.checkedEntries++;
        }
        await repo.close();
      }
    };
    await Promise.all(Array.from({ length: LANES }, (_, i) => lane(i)));
    expect(totals.kills).toBeGreaterThanOrEqual(50);
    // The test is only meaningful if the writer got real work done between kills.
    expect(totals.acknowledged).toBeGreaterThan(KILLS);
    console.log(
      `crash test: ${totals.kills} kills, ${totals.acknowledged} acknowledged changes, ${totals.checkedEntries} entry checks, ${totals.leftoverTempFiles} torn temp files found, ${Date.now() - started} ms`,
    );
  });
});
