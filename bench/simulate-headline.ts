// The headline's acceptance run: 2,000 seeded logs per scenario (26 weeks each; more with
// --logs N, --weeks W), printing how often the headline claims an association.
//   npm run simulate:headline [-- --logs 1000 --weeks 52]
import { MAX_NULL_RATE, MIN_POWER, SCENARIOS, scenarioRates } from './headlineSimulation';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} needs a whole number above 0.`);
  return value;
}

const logs = option('--logs', 2000);
const weeks = option('--weeks', 26);
let failed = false;
console.log(`Headline simulation: ${logs} logs per scenario, ${weeks} weeks each (seeded).`);
console.log('scenario      association  not enough  any lag p<0.05  any lag Holm  mean estimate');
SCENARIOS.forEach((scenario, i) => {
  const started = performance.now();
  const r = scenarioRates(scenario, logs, weeks, 20261201 + i);
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  const ok = scenario.hasEffect ? r.association >= MIN_POWER : r.association <= MAX_NULL_RATE;
  if (!ok) failed = true;
  console.log(
    `${scenario.id.padEnd(13)} ${pct(r.association).padStart(11)}  ${pct(r.notEnoughData).padStart(10)}  ` +
      `${pct(r.anyLagUnadjusted).padStart(14)}  ${pct(r.anyLagHolm).padStart(12)}  ${r.meanEstimate.toFixed(3).padStart(13)}  ` +
      `${ok ? 'ok' : 'MISS'} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  console.log(`              ${scenario.label}`);
});
console.log(
  `Limits: association in at most ${MAX_NULL_RATE * 100}% of each null scenario, at least ${MIN_POWER * 100}% with the true effect.`,
);
process.exitCode = failed ? 1 : 0;
