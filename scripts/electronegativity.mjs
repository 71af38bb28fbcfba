// Runs @doyensec/electronegativity over main/ (the Electron main process and preload) and fails
// on any finding that scripts/electronegativity-allow.json does not list with a justification.
// An entry names the check, the file and the flagged line's text (`snippet`, absent only for
// global checks), so a new finding of the same check in the same file is not pre-approved.
// The full report is written as JSON to .tmp/electronegativity.json.
//
// Offline-friendly: the check that downloads Electron's release list is left out (it needs the
// network and says nothing about our code); the tool's translation download fails fast offline.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity/dist/runner.js');
const electronVersion = JSON.parse(
  fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;
const allowList = JSON.parse(fs.readFileSync(path.join(root, 'scripts/electronegativity-allow.json'), 'utf8'));

const result = await run(
  {
    input: path.join(root, 'main'),
    isRelative: true,
    isSarif: false,
    customScan: [],
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
);

const findings = result.issues.map((issue) => ({
  check: issue.id,
  file: issue.file,
  line: issue.location?.line ?? 0,
  severity: issue.severity?.name,
  confidence: issue.confidence?.name,
  manualReview: Boolean(issue.manualReview),
  sample: typeof issue.sample === 'string' ? issue.sample.trim().slice(0, 200) : undefined,
  description: issue.description,
}));
fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
fs.writeFileSync(
  path.join(root, '.tmp/electronegativity.json'),
  JSON.stringify(
    { electronVersion, checks: result.globalChecks + result.atomicChecks, findings, errors: result.errors },
    null,
    2,
  ),
);

const problems = [];
for (const entry of allowList) {
  if (typeof entry.justification !== 'string' || entry.justification.trim().length < 20) {
    problems.push(`allow-list entry ${entry.check} ${entry.file} has no real justification`);
  }
}
const matches = (entry, finding) =>
  entry.check === finding.check && entry.file === finding.file && (entry.snippet ?? undefined) === finding.sample;
const allowed = (finding) => allowList.some((entry) => matches(entry, finding));
const unjustified = findings.filter((finding) => !allowed(finding));
for (const finding of unjustified) {
  problems.push(
    `${finding.check} in ${finding.file}:${finding.line} (${finding.severity}): ${finding.description ?? ''}`,
  );
}
for (const error of result.errors) problems.push(`could not parse ${error.file}: ${error.message}`);
for (const entry of allowList) {
  if (!findings.some((f) => matches(entry, f))) {
    console.log(`note: allow-list entry ${entry.check} ${entry.file} no longer matches a finding; it can go.`);
  }
}

console.log(
  `electronegativity (Electron ${electronVersion}) over main/: ${result.globalChecks + result.atomicChecks} checks, ${findings.length} findings, ${findings.length - unjustified.length} justified in scripts/electronegativity-allow.json, ${unjustified.length} not`,
);
if (problems.length > 0) {
  console.error('Unjustified findings:');
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
