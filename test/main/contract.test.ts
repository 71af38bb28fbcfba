// The contract carries each method's facts (access, body limit, what it changes, which doors
// offer it), and the doors and the service derive their behaviour from them.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { cliAccess, runCli, type CliIo } from '../../main/cli';
import { openApp } from '../../main/context';
import { dispatch } from '../../main/dispatch';
import { startHttpDoor, type HttpDoor } from '../../main/httpDoor';
import {
  contract,
  FILE_BODY_BYTES,
  METHODS,
  PUSH_EVENTS,
  READ_METHODS,
  sendPush,
  SMALL_BODY_BYTES,
  WINDOW_METHODS,
  type ChangeType,
  type Method,
  type PushEvents,
  type Result,
} from '../../shared/api';
import type { Run } from '../../shared/model';
import { daysAgo, openTestApp, tempDir } from '../helpers';
import { GENERATED_FILE, windowMethodsSource } from '../../scripts/generate-window-methods';
import { WINDOW_METHOD_NAMES } from '../../shared/windowMethods.generated';

function captureIo(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

describe('per-method facts', () => {
  it('every method declares access, a body limit, what it changes and its doors', () => {
    for (const method of METHODS) {
      const facts = contract[method];
      expect(['read', 'write'], method).toContain(facts.access);
      expect(facts.maxBodyBytes, method).toBeGreaterThan(0);
      expect(facts.doors.length, method).toBeGreaterThan(0);
      // A read changes nothing; a write says what it changes (the type says so too).
      expect(facts.changes.length > 0, method).toBe(facts.access === 'write');
    }
    expect(contract['import:preview'].maxBodyBytes).toBe(FILE_BODY_BYTES);
    expect(contract['runs:save'].maxBodyBytes).toBe(SMALL_BODY_BYTES);
  });

  it('a window never gets the method that reads paths on this machine', () => {
    expect(contract['import:previewPaths'].doors).toEqual(['cli']);
    expect(WINDOW_METHODS).not.toContain('import:previewPaths');
    expect(WINDOW_METHODS).toContain('import:preview');
  });

  it('the CLI opens read-only exactly for commands whose methods only read', () => {
    expect(READ_METHODS.has('journal:list')).toBe(true);
    expect(READ_METHODS.has('runs:save')).toBe(false);
    expect(cliAccess('call', ['journal:list'], {})).toBe('read');
    expect(cliAccess('call', ['runs:save'], {})).toBe('write');
    expect(cliAccess('call', ['no:such'], {})).toBe('write');
    expect(cliAccess('insights', [], {})).toBe('read');
    expect(cliAccess('export', ['runs'], {})).toBe('read');
    expect(cliAccess('backup', [], {})).toBe('read');
    expect(cliAccess('backups', [], {})).toBe('read');
    expect(cliAccess('import', ['x.csv'], { 'dry-run': true })).toBe('read');
    expect(cliAccess('import', ['x.csv'], {})).toBe('write');
    expect(cliAccess('restore', ['--latest'], {})).toBe('write');
    // The old hand list had a 'list' command that does not exist.
    expect(cliAccess('list', [], {})).toBe('write');
  });

  it('dispatch answers with the method’s own output type, no cast needed', async () => {
    const { handlers } = openTestApp();
    const saved = dispatch(handlers, 'runs:save', { date: daysAgo(1), distanceKm: 5, durationS: 1500 });
    expectTypeOf(saved).toEqualTypeOf<Promise<Result<Run>>>();
    const result = await saved;
    expect(result.ok && result.value.distanceKm).toBe(5);
  });

  it('a one-door method is reached only through that door', async () => {
    const { handlers } = openTestApp();
    const input = { paths: [path.join(tempDir(), 'none.csv')] };
    expect(await dispatch(handlers, 'import:previewPaths', input)).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(await dispatch(handlers, 'import:previewPaths', input, 'http')).toMatchObject({ ok: false });
    expect(await dispatch(handlers, 'import:previewPaths', input, 'cli')).toMatchObject({ ok: true });
  });
});

describe('change notifications come from the contract', () => {
  function notifyingApp() {
    const told: ChangeType[][] = [];
    const ctx = openApp({ dataDir: tempDir(), mode: 'browser', onChange: (types) => told.push(types) });
    return { ...ctx, told };
  }

  it('each write tells what the contract says it changes; reads and failures tell nothing', async () => {
    const { handlers, told } = notifyingApp();
    const run = await dispatch(handlers, 'runs:save', { date: daysAgo(1), distanceKm: 5, durationS: 1500 });
    expect(told).toEqual([['run']]);
    if (!run.ok) throw new Error(run.error.message);
    await dispatch(handlers, 'pain:save', { date: daysAgo(1), score: 2, location: 'lower_back', timing: 'rest_day' });
    await dispatch(handlers, 'settings:update', { distanceUnit: 'mi' });
    await dispatch(handlers, 'runs:delete', { id: run.value.id });
    expect(told).toEqual([['run'], ['pain'], ['settings'], ['run']]);

    told.length = 0;
    await dispatch(handlers, 'journal:list', {});
    await dispatch(handlers, 'insights:get', undefined);
    await dispatch(handlers, 'backup:now', undefined);
    await dispatch(handlers, 'runs:delete', { id: run.value.id }); // already gone: not_found
    await dispatch(handlers, 'runs:save', { date: 'soon' }); // invalid
    expect(told).toEqual([]);

    const backups = await dispatch(handlers, 'backup:list', undefined);
    if (!backups.ok || !backups.value[0]) throw new Error('no backup');
    await dispatch(handlers, 'backup:restore', { file: backups.value[0].file });
    expect(told).toEqual([[...contract['backup:restore'].changes]]);
  });
});

describe("the preload's plain method list", () => {
  it('is the one scripts/generate-window-methods.ts makes from the contract now', async () => {
    expect(fs.readFileSync(GENERATED_FILE, 'utf8')).toBe(await windowMethodsSource());
    expect([...WINDOW_METHOD_NAMES]).toEqual(WINDOW_METHODS);
  });
});

describe('push events', () => {
  it('names every event once, and sends each with its payload', () => {
    expect([...PUSH_EVENTS].sort()).toEqual(['data:changed', 'menu:command']);
    const sent: unknown[][] = [];
    const target = { send: (...args: unknown[]) => void sent.push(args) };
    sendPush(target, 'menu:command', 'new-run');
    sendPush(target, 'data:changed', { types: ['run'] });
    sendPush(undefined, 'menu:command', 'undo');
    expect(sent).toEqual([
      ['menu:command', 'new-run'],
      ['data:changed', { types: ['run'] }],
    ]);
    expectTypeOf(sendPush<'menu:command'>)
      .parameter(2)
      .toEqualTypeOf<PushEvents['menu:command']>();
  });
});

describe('HTTP door limits come from the contract', () => {
  let door: HttpDoor | undefined;
  afterEach(async () => {
    await door?.close();
    door = undefined;
  });

  async function post(method: string, body: string): Promise<{ status: number; json: unknown }> {
    door ??= await startHttpDoor({ handlers: openTestApp().handlers, staticRoot: tempDir() });
    const response = await fetch(`http://127.0.0.1:${door.port}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${door.sessionSecret}` },
      body,
    });
    return { status: response.status, json: await response.json() };
  }

  it('a small method refuses a body over its limit; the file import takes it', async () => {
    const big = JSON.stringify({ input: { pad: 'x'.repeat(SMALL_BODY_BYTES) } });
    expect(await post('runs:save', big)).toMatchObject({ status: 413 });
    // Read in full and then refused by the schema (the extra field), not by the size.
    expect(await post('import:preview', big)).toMatchObject({ status: 200, json: { ok: false } });
  });

  it('an unknown method, or one the HTTP door does not offer, is refused before its body is read', async () => {
    expect(await post('no:such', '{}')).toMatchObject({ status: 404, json: { error: { code: 'unknown_method' } } });
    const paths = JSON.stringify({ input: { paths: ['/etc/passwd'] } });
    expect(await post('import:previewPaths', paths)).toMatchObject({
      status: 404,
      json: { error: { code: 'unknown_method' } },
    });
  });
});

describe('CLI commands go through the service', () => {
  const RUNS_CSV = `date,distance_km,duration_s\n${daysAgo(3)},5,1500\n${daysAgo(2)},6,1800\n`;

  it('import previews, imports, and a second import adds nothing', async () => {
    const dir = tempDir();
    const file = path.join(tempDir(), 'runs.csv');
    fs.writeFileSync(file, RUNS_CSV);
    const dry = captureIo();
    expect(await runCli(['import', file, '--dry-run', '--data-dir', dir], dry)).toBe(0);
    expect(dry.lines[0]).toMatch(/^New: 2 runs/);
    const first = captureIo();
    expect(await runCli(['import', file, '--json', '--data-dir', dir], first)).toBe(0);
    const report = JSON.parse(first.lines.join('\n')) as {
      new: { runs: number };
      imported: { added: { run: number } };
    };
    expect(report.new.runs).toBe(2);
    expect(report.imported.added.run).toBe(2);
    const again = captureIo();
    expect(await runCli(['import', file, '--data-dir', dir], again)).toBe(0);
    expect(again.lines[0]).toMatch(/^New: 0 runs.*2 entries already in your log/);
  });

  it('import of a file with problems imports nothing and exits 1', async () => {
    const dir = tempDir();
    const file = path.join(tempDir(), 'runs.csv');
    fs.writeFileSync(file, `date,distance_km,duration_s\n${daysAgo(3)},five,1500\n`);
    const io = captureIo();
    expect(await runCli(['import', file, '--data-dir', dir], io)).toBe(1);
    expect(io.errors.join('\n')).toMatch(/runs\.csv/);
    const ctx = openApp({ dataDir: dir, mode: 'browser', access: 'read' });
    expect(ctx.repo.count('run')).toBe(0);
  });

  it('export writes the CSV the service made', async () => {
    const dir = tempDir();
    const file = path.join(tempDir(), 'runs.csv');
    fs.writeFileSync(file, RUNS_CSV);
    expect(await runCli(['import', file, '--data-dir', dir], captureIo())).toBe(0);
    const outDir = tempDir();
    const io = captureIo();
    expect(await runCli(['export', 'all', '--out', outDir, '--data-dir', dir], io)).toBe(0);
    expect(io.lines[0]).toBe(`Wrote 2 runs rows to ${path.join(outDir, 'runs.csv')}`);
    expect(fs.readdirSync(outDir).sort()).toEqual([
      'experiments.csv',
      'pain.csv',
      'runs.csv',
      'strength.csv',
      'weekly.csv',
    ]);
  });

  it('unknown options are refused with the usage', async () => {
    const io = captureIo();
    expect(await runCli(['insights', '--jsno', '--data-dir', tempDir()], io)).toBe(1);
    expect(io.errors[0]).toMatch(/--jsno/);
  });

  it('call reaches every method the CLI door offers', async () => {
    const io = captureIo();
    expect(await runCli(['methods'], io)).toBe(0);
    expect(io.lines).toEqual(METHODS.filter((m: Method) => contract[m].doors.some((d) => d === 'cli')));
  });
});
