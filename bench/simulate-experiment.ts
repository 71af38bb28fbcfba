// The core-work experiment's error rates: 2,000 seeded simulated runners per scenario (more
// with --runs N), each analysed by the app's own code at the plan's end and, as the runner
// would see it, on each day while it runs. Prints how often the result claims an effect.
//   npm run simulate:experiment [-- --runs 5000 --cycles 8 --period 14]
import {
  DEFAULT_SIMULATION_PLAN,
  EXPERIMENT_SCENARIOS,
  experimentRates,
  nominalFalseClaimRate,
  type SimulationPlan,
} from './experimentSimulation';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} needs a whole number above 0.`);
  return value;
}

const runs = option('--runs', 2000);
const period = option('--period', DEFAULT_SIMULATION_PLAN.periodDays);
if (period !== 7 && period !== 14) throw new Error('--period is 7 or 14.');
const plan: SimulationPlan = {
  periodDays: period,
  cycles: option('--cycles', DEFAULT_SIMULATION_PLAN.cycles),
  washoutDays: DEFAULT_SIMULATION_PLAN.washoutDays,
};
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
console.log(
  `Experiment simulation: ${runs} runners per scenario; ${plan.cycles} cycles of two ${plan.periodDays}-day periods, ${plan.washoutDays} washout days (seeded).`,
);
console.log(
  `With no effect and no ties the exact test claims one in ${pct(nominalFalseClaimRate(plan.cycles))} of runs (${plan.cycles} usable cycles).`,
);
console.log('scenario             lower  higher  any claim  claimed on some day  not enough  mean estimate');
EXPERIMENT_SCENARIOS.forEach((scenario, i) => {
  const started = performance.now();
  const r = experimentRates(scenario, runs, 20261201 + i, plan);
  console.log(
    `${scenario.id.padEnd(18)} ${pct(r.lower).padStart(7)} ${pct(r.higher).padStart(7)} ${pct(r.lower + r.higher).padStart(10)}` +
      `  ${pct(r.claimedOnSomeDay).padStart(19)} ${pct(r.notEnoughData).padStart(11)}  ${r.meanEstimate.toFixed(3).padStart(13)}` +
      `  (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  console.log(`                   ${scenario.label}`);
});
