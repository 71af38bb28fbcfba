// `npm test`: type-check, lint, build (and load the built main and preload under a stubbed
// electron), unit tests, e2e, and the benchmark once at tiny sizes. Ends with one line:
// "N passed, N failed, N skipped, N todo". A `.only` left in a test fails the run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runUnderNode22 } from './node22.mjs';

runUnderNode22();

const root = path.resolve(import.meta.dirname, '..');
const tmp = path.join(root, '.tmp');
fs.mkdirSync(tmp, { recursive: true });
// On Windows the tools in node_modules/.bin are .cmd shims, which only a shell can start.
const windows = process.platform === 'win32';
const bin = (name) => path.join(root, 'node_modules', '.bin', windows ? `${name}.cmd` : name);

let passed = 0;
let failed = 0;
let skipped = 0;
let todo = 0;
const failures = [];

function step(name, command, args, env = {}) {
  console.log(`\n=== ${name}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
    shell: windows && command.endsWith('.cmd'),
  });
  const ok = result.status === 0;
  if (!ok) failures.push(name);
  return ok;
}

/** A check that is not a test runner counts as one test. */
function check(name, command, args) {
  if (step(name, command, args)) passed++;
  else failed++;
}

check('typecheck (node project)', bin('tsc'), ['-p', 'tsconfig.node.json']);
check('typecheck (web project)', bin('tsc'), ['-p', 'tsconfig.web.json']);
check('typecheck (e2e project)', bin('tsc'), ['-p', 'tsconfig.e2e.json']);
check('lint (eslint)', bin('eslint'), ['.']);
check('format (prettier)', bin('prettier'), ['--check', '.']);
check('build (electron-vite)', bin('electron-vite'), ['build']);
check(
  'Electron security review (electronegativity over main/, findings justified in scripts/electronegativity-allow.json)',
  process.execPath,
  ['scripts/electronegativity.mjs'],
);
check('load-check: the built main process loads under a stubbed electron', bin('tsx'), [
  'scripts/load-check/run.mjs',
  'main',
]);
check('load-check: the built preload loads under a stubbed electron and exposes the contract', bin('tsx'), [
  'scripts/load-check/run.mjs',
  'preload',
]);
check('load-check: the built CLI runs (methods)', process.execPath, ['out/main/cli.js', 'methods']);

const vitestJson = path.join(tmp, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
step('unit tests (vitest)', bin('vitest'), [
  'run',
  '--allowOnly=false',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
if (fs.existsSync(vitestJson)) {
  const report = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  passed += report.numPassedTests;
  skipped += report.numPendingTests;
  todo += report.numTodoTests;
  failed +=
    report.numFailedTests +
    (report.numTotalTestSuites > 0 && report.success === false && report.numFailedTests === 0 ? 1 : 0);
} else {
  failed++;
}

const playwrightJson = path.join(tmp, 'playwright.json');
fs.rmSync(playwrightJson, { force: true });
step('end-to-end tests (playwright)', bin('playwright'), ['test', '--forbid-only', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
});
if (fs.existsSync(playwrightJson)) {
  const stats = JSON.parse(fs.readFileSync(playwrightJson, 'utf8')).stats;
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  skipped += stats.skipped;
} else {
  failed++;
}

if (fs.existsSync(path.join(root, 'bench/run.ts'))) {
  check('benchmark at tiny sizes (npm run bench -- --tiny)', bin('tsx'), ['bench/run.ts', '--tiny']);
}

console.log('');
if (failures.length) console.log(`Failed steps: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped, ${todo} todo`);
process.exit(failed === 0 && failures.length === 0 ? 0 : 1);
