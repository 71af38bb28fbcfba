// The command line facing a hostile or awkward world: export targets it must not write through,
// a slow pipe that must still get the whole answer.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../main/cli';
import { tempDir } from '../helpers';
import { bundleForChild, openRepo, pain, run, session } from './store/storeHelpers';

function captureIo(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

async function smallLog(): Promise<string> {
  const dir = tempDir();
  const repo = openRepo(dir);
  await repo.save('run', run(1, '2024-05-01'));
  await repo.close();
  return dir;
}

describe('CLI export refuses targets it must not write through', () => {
  it('a symbolic link: the file it points to is left alone', async () => {
    const dataDir = await smallLog();
    const dir = tempDir();
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'not yours');
    const link = path.join(dir, 'runs.csv');
    fs.symlinkSync(victim, link);
    const io = captureIo();
    expect(await runCli(['export', 'runs', '--out', link, '--data-dir', dataDir], io)).toBe(1);
    expect(io.errors).toEqual([`Error: ${link} is a symbolic link; give the path of the file itself.`]);
    expect(fs.readFileSync(victim, 'utf8')).toBe('not yours');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('a folder, with a message and no stack trace (it used to be EISDIR)', async () => {
    const dataDir = await smallLog();
    const dir = tempDir();
    const io = captureIo();
    expect(await runCli(['export', 'runs', '--out', dir, '--data-dir', dataDir], io)).toBe(1);
    expect(io.errors).toEqual([
      `Error: ${dir} is a folder; give a file name in it, such as ${path.join(dir, 'runs.csv')}.`,
    ]);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a pipe (or a device): never replaced by a file', async () => {
    const dataDir = await smallLog();
    // A FIFO in a temp folder, not a real device: the old exporter renamed its file over the target.
    const fifo = path.join(tempDir(), 'pipe');
    execFileSync('mkfifo', [fifo]);
    const io = captureIo();
    expect(await runCli(['export', 'runs', '--out', fifo, '--data-dir', dataDir], io)).toBe(1);
    expect(io.errors).toEqual([
      `Error: ${fifo} is not a regular file (a device, pipe or socket); give the path of a file.`,
    ]);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('"all" into a symbolic link to a folder, or into a file', async () => {
    const dataDir = await smallLog();
    const dir = tempDir();
    const elsewhere = tempDir();
    fs.symlinkSync(elsewhere, path.join(dir, 'out'));
    const io = captureIo();
    expect(await runCli(['export', 'all', '--out', path.join(dir, 'out'), '--data-dir', dataDir], io)).toBe(1);
    expect(io.errors[0]).toMatch(/is a symbolic link/);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
    fs.writeFileSync(path.join(dir, 'file'), 'x');
    expect(await runCli(['export', 'all', '--out', path.join(dir, 'file'), '--data-dir', dataDir], io)).toBe(1);
    expect(io.errors[1]).toMatch(/is not a folder/);
  });
});

describe('CLI output into a pipe', () => {
  let cli: ReturnType<typeof bundleForChild>;
  beforeAll(() => {
    cli = bundleForChild(path.resolve(import.meta.dirname, '../../main/cli.ts'), 'cli');
  });
  afterAll(() => cli.remove());

  it('insights --json is written whole when the reader is slower than the CLI (well over 64 KiB)', async () => {
    const dataDir = tempDir();
    const repo = openRepo(dataDir);
    const start = Date.parse('2019-01-01T00:00:00Z');
    const day = (n: number): string => new Date(start + n * 86_400_000).toISOString().slice(0, 10);
    // Six years of near-daily runs and pain ratings rising each week: many weeks and many flags.
    await repo.saveMany(
      'run',
      Array.from({ length: 2000 }, (_, i) => run(i + 1, day(i), 5 + (i % 7) * 3)),
    );
    await repo.saveMany(
      'pain',
      Array.from({ length: 2000 }, (_, i) => ({
        ...pain(10_000 + i, day(i), (i % 7) + 2),
        timing: 'during_run' as const,
      })),
    );
    await repo.saveMany(
      'strength',
      Array.from({ length: 300 }, (_, i) => session(20_000 + i, day(i * 6))),
    );
    await repo.close();

    const child = spawn(process.execPath, [cli.file, 'insights', '--json', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // The reader does not read until the CLI has finished its work and returned.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    const closed = new Promise((resolve) => child.stdout.on('close', resolve));
    expect(await exited).toBe(0);
    await closed;
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.length).toBeGreaterThan(256 * 1024);
    const report = JSON.parse(text) as { weeks: unknown[]; flags: unknown[] };
    expect(report.weeks.length).toBeGreaterThan(280);
  }, 60_000);
});

describe('CLI output never drives the terminal', () => {
  // ESC sequences (clear screen, colours), OSC 52 (writes the clipboard), BEL, a C1 CSI, a bidi override.
  const hostile = '\u001b]52;c;cm0gLXJmIH4=\u0007\u001b[2J\u009b31m\u202eevil';
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it('in answers to a refused call: the hostile text is refused and the message escaped', async () => {
    const dataDir = tempDir();
    const io = captureIo();
    // Entered text refuses control characters (shared/model.ts), so the save fails: what matters
    // here is that the refusal printed to the terminal carries none of them raw.
    const input = JSON.stringify({ date: '2025-03-01', distanceKm: 5, durationS: 1800, notes: hostile });
    expect(await runCli(['call', 'runs:save', input, '--data-dir', dataDir], io)).toBe(1);
    const text = [...io.lines, ...io.errors].join('\n');
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toMatch(RAW_CONTROL);
  });

  it('in messages about imported files: names and values are escaped', async () => {
    const dataDir = tempDir();
    const dir = tempDir();
    const file = path.join(dir, `runs${hostile.replaceAll('\u0007', '')}.csv`);
    fs.writeFileSync(
      file,
      `date,distance_km,duration_s,notes\n2025-03-01,5,1800,${hostile}\n2025-03-02,${hostile},1800,x\n`,
    );
    const io = captureIo();
    await runCli(['import', file, '--dry-run', '--data-dir', dataDir], io);
    const all = [...io.lines, ...io.errors].join('\n');
    expect(all).toContain('\\u001b[2J');
    expect(all).not.toMatch(RAW_CONTROL);
  });
});
