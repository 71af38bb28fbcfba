// The built-in exercise catalogue (see domain-notes.md) and the rule for a "core session".
import type { CustomExercise, Dosing, ExerciseCategory, Routine, StrengthSession } from './model';

export interface Exercise {
  id: string;
  name: string;
  category: ExerciseCategory;
  dosing: Dosing;
  /** A short how-to in our own words, shown in forms and the guided routine. */
  howTo?: string;
  /** Suggested dose for the guided routine. */
  suggested?: { sets?: number; reps?: number; holdS?: number; minutes?: number };
  /** Needs a stability ball. */
  needsBall?: boolean;
  builtIn: boolean;
}

export const CATALOGUE: readonly Exercise[] = [
  {
    id: 'plank',
    name: 'Plank',
    category: 'core',
    dosing: 'hold',
    howTo:
      'On your forearms and toes, keep one straight line from head to heels; breathe steadily and do not let the hips sag.',
    suggested: { sets: 1, holdS: 30 },
    builtIn: true,
  },
  {
    id: 'side-plank',
    name: 'Side plank (left/right)',
    category: 'core',
    dosing: 'hold',
    howTo:
      'Lie on one side and prop yourself on one forearm; lift the hips so the body is a straight sideways line. Hold, then switch sides.',
    suggested: { sets: 2, holdS: 20 },
    builtIn: true,
  },
  {
    id: 'glute-bridge',
    name: 'Glute bridge',
    category: 'posterior_chain',
    dosing: 'reps',
    howTo:
      'Lie on your back, knees bent, arms by your sides. Lift the hips until shoulders, hips and knees line up, hold about three seconds, lower.',
    suggested: { sets: 1, reps: 10, holdS: 3 },
    builtIn: true,
  },
  {
    id: 'locust',
    name: 'Locust pose',
    category: 'posterior_chain',
    dosing: 'hold',
    howTo:
      'Face down, arms by your sides, thumbs toward the ceiling. Squeeze the glutes and lift legs, arms, chest and head; hold about thirty seconds.',
    suggested: { sets: 1, holdS: 30 },
    builtIn: true,
  },
  {
    id: 'ball-back-extension',
    name: 'Stability-ball back extension',
    category: 'posterior_chain',
    dosing: 'reps',
    howTo:
      'Lie face down over the ball at your middle, feet on the floor, hands behind your head. Round over the ball, then lift the torso in line with the legs; pause; lower.',
    suggested: { sets: 1, reps: 10 },
    needsBall: true,
    builtIn: true,
  },
  {
    id: 'ball-reverse-leg-raise',
    name: 'Stability-ball reverse leg raise',
    category: 'posterior_chain',
    dosing: 'reps',
    howTo:
      'Hips on the ball, hands on the floor under your shoulders, legs straight with toes down. Raise the straight legs in line with the torso; lower.',
    suggested: { sets: 1, reps: 10 },
    needsBall: true,
    builtIn: true,
  },
  {
    id: 'yoga',
    name: 'Yoga',
    category: 'core',
    dosing: 'minutes',
    howTo: 'A gentle flow builds toward the holds and adds flexibility.',
    suggested: { minutes: 15 },
    builtIn: true,
  },
  {
    id: 'back-roller',
    name: 'Back roller (rolling out the back muscles)',
    category: 'recovery',
    dosing: 'minutes',
    howTo: 'Roll slowly along the muscles beside the spine; many runners find it eases muscular tightness.',
    suggested: { minutes: 5 },
    builtIn: true,
  },
];

export const CATEGORY_LABELS: Record<ExerciseCategory, string> = {
  core: 'Core',
  posterior_chain: 'Posterior chain',
  mobility: 'Mobility',
  recovery: 'Recovery',
  other: 'Other',
};

/** Categories whose exercises make a session count as core work. */
export const CORE_CATEGORIES: ReadonlySet<ExerciseCategory> = new Set(['core', 'posterior_chain']);

export function allExercises(custom: readonly CustomExercise[]): Exercise[] {
  return [...CATALOGUE, ...custom.map((c) => ({ ...c, builtIn: false }))];
}

/** Finds an exercise by id, or (for imported data) by its exact name, case-insensitively. */
export function findExercise(idOrName: string, custom: readonly CustomExercise[] = []): Exercise | undefined {
  const all = allExercises(custom);
  const lower = idOrName.trim().toLowerCase();
  return all.find((e) => e.id === idOrName) ?? all.find((e) => e.name.toLowerCase() === lower);
}

/** The category of an item's exercise; unknown exercises count as "other" (not core work). */
export function exerciseCategory(idOrName: string, custom: readonly CustomExercise[] = []): ExerciseCategory {
  return findExercise(idOrName, custom)?.category ?? 'other';
}

export function exerciseName(idOrName: string, custom: readonly CustomExercise[] = []): string {
  return findExercise(idOrName, custom)?.name ?? idOrName;
}

/** A core session contains at least one core or posterior-chain exercise (domain-notes.md). */
export function isCoreSession(
  session: Pick<StrengthSession, 'items'>,
  custom: readonly CustomExercise[] = [],
): boolean {
  return session.items.some((item) => CORE_CATEGORIES.has(exerciseCategory(item.exercise, custom)));
}

/** A stable id for a user's own exercise, from its name. */
export function customExerciseId(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `own-${slug || 'exercise'}`;
}

/** One exercise with a dose (a routine step, or an item being typed into a session). */
export type DosedExercise = Routine['steps'][number];

/** An exercise with the dose the catalogue suggests, filled in where it suggests none. */
export function suggestedDose(exercise: Exercise): DosedExercise {
  const s = exercise.suggested ?? {};
  switch (exercise.dosing) {
    case 'hold':
      return { exercise: exercise.id, sets: s.sets ?? 1, holdS: s.holdS ?? 30 };
    case 'reps':
      return { exercise: exercise.id, sets: s.sets ?? 1, reps: s.reps ?? 10, ...(s.holdS ? { holdS: s.holdS } : {}) };
    case 'minutes':
      return { exercise: exercise.id, minutes: s.minutes ?? 5 };
  }
}
