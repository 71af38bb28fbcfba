// `npm start`'s download of Electron's binary, against a stand-in electron package whose
// install.js fails (as it does without internet) or succeeds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureElectron } from '../../scripts/electronBinary.mjs';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

function fakeElectronPackage(installScript: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'backstride-electron-'));
  roots.push(root);
  const pkg = path.join(root, 'node_modules', 'electron');
  fs.mkdirSync(pkg, { recursive: true });
  fs.writeFileSync(path.join(pkg, 'install.js'), installScript);
  return root;
}

const FAILING_INSTALL = `console.error('RequestError: getaddrinfo ENOTFOUND github.com'); process.exit(1);`;
const WORKING_INSTALL = `
const fs = require('node:fs'); const path = require('node:path');
fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '');
fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');`;

describe('npm start: downloading Electron', () => {
  it('says "first start only" once; a later start says when and why the last try failed', () => {
    const root = fakeElectronPackage(FAILING_INSTALL);
    const lines: string[] = [];
    const at = () => new Date(2026, 11, 1, 9, 30);

    const first = ensureElectron(root, (line) => lines.push(line), at);
    expect(first).toEqual({
      reason: "Electron's binary could not be downloaded (RequestError: getaddrinfo ENOTFOUND github.com)",
    });
    const second = ensureElectron(root, (line) => lines.push(line), at);
    expect(second.binary).toBeUndefined();

    expect(lines).toEqual([
      'Downloading the Electron binary (first start only)…',
      'Trying again to download the Electron binary (the try at 2026-12-01 09:30 failed: RequestError: getaddrinfo ENOTFOUND github.com)…',
    ]);
  });

  it('finds the binary after a download that works, and says nothing once it is there', () => {
    const root = fakeElectronPackage(WORKING_INSTALL);
    const lines: string[] = [];
    const first = ensureElectron(root, (line) => lines.push(line));
    expect(first.binary).toBe(path.join(root, 'node_modules', 'electron', 'dist', 'electron'));
    expect(ensureElectron(root, (line) => lines.push(line)).binary).toBe(first.binary);
    expect(lines).toEqual(['Downloading the Electron binary (first start only)…']);
  });
});
