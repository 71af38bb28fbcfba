// Shoes: the list in Settings, the distance each has run, and how free-text shoe names of
// older logs become list entries. Runs refer to their shoe by name, compared without case.
import type { Run, Shoe } from './model';

export interface ShoeWithDistance extends Shoe {
  distanceKm: number;
  runs: number;
  /** Past its retirement distance and not yet retired. */
  overRetirement: boolean;
}

export const shoeKey = (name: string): string => name.trim().toLocaleLowerCase();

export function findShoe<S extends Shoe>(shoes: readonly S[], name: string): S | undefined {
  const key = shoeKey(name);
  return shoes.find((shoe) => shoeKey(shoe.name) === key);
}

/** The list, each shoe with the distance and number of runs logged in it. */
export function shoesWithDistance(shoes: readonly Shoe[], runs: readonly Run[]): ShoeWithDistance[] {
  const totals = new Map<string, { km: number; runs: number }>();
  for (const run of runs) {
    if (!run.shoe) continue;
    const key = shoeKey(run.shoe);
    const total = totals.get(key) ?? { km: 0, runs: 0 };
    total.km += run.distanceKm;
    total.runs += 1;
    totals.set(key, total);
  }
  return shoes.map((shoe) => {
    const total = totals.get(shoeKey(shoe.name)) ?? { km: 0, runs: 0 };
    const distanceKm = Math.round(total.km * 1000) / 1000;
    return {
      ...shoe,
      distanceKm,
      runs: total.runs,
      overRetirement: !shoe.retired && shoe.retireAtKm !== undefined && distanceKm >= shoe.retireAtKm,
    };
  });
}

/**
 * The shoe list of a log written before shoes were a list: one entry per distinct free-text
 * name on its runs (the first spelling seen), starting on the date of its first run.
 */
export function shoesFromRuns(runs: ReadonlyArray<Pick<Run, 'shoe' | 'date'>>, newId: () => string): Shoe[] {
  const byKey = new Map<string, Shoe>();
  const ordered = [...runs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const run of ordered) {
    const name = run.shoe?.trim();
    if (!name) continue;
    const key = shoeKey(name);
    if (!byKey.has(key)) byKey.set(key, { id: newId(), name, startDate: run.date, retired: false });
  }
  return [...byKey.values()];
}
