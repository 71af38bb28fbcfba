// Child process for crash.test.ts: opens a data folder through the real LogRepository (with the
// writer lock, as the app does) and changes the log in a loop until it is killed. Before each
// operation it prints "begin …", and once the operation's promise has resolved (acknowledged
// as durable) it prints "ack …". Pipes to the parent are written synchronously on Linux, so a
// printed line survives a SIGKILL that comes right after it.
//
// Usage: node crashWriter.mjs <dataDir> <seed>
import crypto from 'node:crypto';
import { LogRepository } from '../../../main/store/repository';
import { confFactory } from '../../../main/store/storeFile';
import type { PainRating, Run, StrengthSession } from '../../../shared/model';

const [dataDir, seedArg] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: crashWriter <dataDir> <seed>');

// A small deterministic generator, so a failing run can be replayed from its seed.
let state = Number(seedArg ?? 1) >>> 0 || 1;
const random = (): number => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 4294967296;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const YEARS = ['2022', '2023', '2024'];
const date = (): string =>
  `${pick(YEARS)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;

type Type = 'run' | 'pain' | 'strength';

/** Saves a new version of record `id` with a random date; resolves with that date once acknowledged. */
async function saveRandom(type: Type, id: string): Promise<void> {
  const day = date();
  print(`begin save ${type} ${id} ${day}`);
  if (type === 'run') {
    const km = 3 + Math.round(random() * 150) / 10;
    const run: Run = {
      id,
      date: day,
      distanceKm: km,
      durationS: Math.round(km * 330),
      source: 'manual',
      notes: 'x'.repeat(50),
    };
    await repo.save('run', run);
  } else if (type === 'pain') {
    const pain: PainRating = {
      id,
      date: day,
      score: Math.floor(random() * 11),
      location: 'lower_back',
      side: 'centre',
      kind: 'unsure',
      timing: 'rest_day',
    };
    await repo.save('pain', pain);
  } else {
    const session: StrengthSession = {
      id,
      date: day,
      items: [{ exercise: 'plank', holdS: 30 + Math.floor(random() * 60) }],
    };
    await repo.save('strength', session);
  }
  print(`ack save ${type} ${id} ${day}`);
}

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const repo = LogRepository.open({ dataDir, factory: confFactory, lock: true });
print(`ready ${repo.count('run') + repo.count('pain') + repo.count('strength')}`);

const types: readonly Type[] = ['run', 'pain', 'strength'];
for (;;) {
  const type = pick(types);
  const existing = repo.all(type);
  const roll = random();
  if (existing.length > 5 && roll < 0.15) {
    const victim = pick(existing);
    print(`begin delete ${type} ${victim.id}`);
    await repo.delete(type, victim.id);
    print(`ack delete ${type} ${victim.id}`);
  } else if (existing.length > 5 && roll < 0.35) {
    // An edit, often moving the entry to another year's file (two files rewritten).
    await saveRandom(type, pick(existing).id);
  } else {
    await saveRandom(type, crypto.randomUUID());
  }
}
