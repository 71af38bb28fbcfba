// A deterministic, realistic log for screenshots and insights e2e: twenty weeks ending
// today, where weeks with more core work tend to have less back pain a week later.
import type { PainRating, Run, StrengthSession } from '../shared/model';
import { localToday } from '../shared/model';
import type { Seed } from './fixtures';

function daysAgo(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return localToday(d);
}

function uuid(prefix: number, n: number): string {
  return `${String(prefix).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export function twentyWeekSeed(): Seed {
  const runs: Run[] = [];
  const pain: PainRating[] = [];
  const strength: StrengthSession[] = [];
  // A small linear congruential generator keeps the data identical on every run.
  let state = 42;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let week = 19; week >= 0; week--) {
    const coreDays = Math.floor(random() * 5);
    for (let day = 0; day < 7; day++) {
      const ago = week * 7 + (6 - day);
      const date = daysAgo(ago);
      const n = week * 7 + day;
      if (day % 2 === 0) {
        const km = 5 + Math.round(random() * 70) / 10;
        runs.push({
          id: uuid(1, n),
          date,
          startTime: '07:30',
          distanceKm: km,
          durationS: Math.round(km * (330 + random() * 40)),
          effort: 4 + Math.floor(random() * 4),
          surface: 'road',
          source: 'manual',
        });
      }
      if (day < coreDays) {
        strength.push({
          id: uuid(2, n),
          date,
          time: '18:00',
          durationMin: 15,
          items: [
            { exercise: 'plank', sets: 1, holdS: 30 + (19 - week) * 3 },
            { exercise: 'side-plank', sets: 2, holdS: 20 + (19 - week) * 2 },
            { exercise: 'glute-bridge', sets: 1, reps: 10, holdS: 3 },
          ],
        });
      }
      if (day % 2 === 1 || day === 6) {
        const score = Math.max(0, Math.min(10, Math.round(5 - coreDays * 0.8 + random() * 2.5)));
        pain.push({
          id: uuid(3, n),
          date,
          time: '08:00',
          score,
          location: 'lower_back',
          side: score > 3 ? 'left' : 'centre',
          kind: 'muscular',
          timing: day === 6 ? 'rest_day' : 'next_morning',
        });
      }
    }
  }
  return { runs: runs.filter((r) => r.date <= localToday()), pain, strength };
}
