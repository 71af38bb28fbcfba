// Property-based: random and malformed payloads at every method, through the core of the IPC
// adapter (dispatch) and through the browser-mode HTTP door. Every call must come back as an
// envelope ({ ok: true, value } or { ok: false, error: { code, message } }), nothing may throw
// past the door, and when the answer is an error, not one byte in the data folder has changed.
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/dispatch';
import { startHttpDoor, type HttpDoor } from '../../../main/httpDoor';
import { backupNow } from '../../../main/store/backups';
import { METHODS, type ErrorCode, type InputOf, type Method, type Result } from '../../../shared/api';
import { openTestApp, tempDir } from '../../helpers';
import { folderBytes, pain, recordStat, run, session } from '../store/storeHelpers';

const DISPATCH_RUNS = 800;
const HTTP_RUNS = 300;
const ERROR_CODES: ErrorCode[] = [
  'invalid_input',
  'not_found',
  'unknown_method',
  'locked',
  'io',
  'cancelled',
  'internal',
];

/**
 * One valid input for every method (a method added to the contract without one is a type
 * error), so mutations of it probe the schema's edges.
 */
const VALID = {
  'app:info': undefined,
  'journal:list': { limit: 10 },
  'runs:save': { date: '2024-05-01', distanceKm: 8, durationS: 2700, effort: 5, surface: 'road' },
  'runs:delete': { id: run(1, '2024-05-01').id },
  'runs:onDate': { date: '2024-05-01' },
  'pain:save': { date: '2024-05-01', score: 3, location: 'lower_back', side: 'left', kind: 'muscular' },
  'pain:delete': { id: pain(2, '2024-05-01').id },
  'strength:save': { date: '2024-05-01', items: [{ exercise: 'plank', holdS: 30 }] },
  'strength:delete': { id: session(3, '2024-05-01').id },
  'exercises:add': { name: 'Bird dog', category: 'core', dosing: 'reps' },
  'exercises:list': undefined,
  'settings:get': undefined,
  'settings:update': { distanceUnit: 'mi' },
  'routines:save': { name: 'Evening core', steps: [{ exercise: 'plank', holdS: 30 }] },
  'routines:delete': { id: 'evening' },
  'insights:get': undefined,
  'insights:charts': undefined,
  'import:preview': {
    files: [
      {
        name: 'runs.csv',
        dataBase64: Buffer.from('date,distance_km,duration_s\n2024-05-02,5,1500\n').toString('base64'),
      },
    ],
    jobId: '00000000-0000-4000-8000-00000000000a',
  },
  'import:progress': { jobId: '00000000-0000-4000-8000-00000000000a' },
  'import:cancel': { jobId: '00000000-0000-4000-8000-00000000000a' },
  // The CLI's alone: refused as unknown by the window doors, whatever its input.
  'import:previewPaths': { paths: ['/etc/passwd'] },
  'import:commit': { previewId: '00000000-0000-4000-8000-000000000000' },
  'export:csv': { kind: 'runs' },
  'backup:now': undefined,
  'backup:list': undefined,
  'backup:restore': { file: 'backstride-2024-01-01T00-00-00.json' },
  'experiments:create': { startDate: '2024-05-06', periodDays: 7, cycles: 3, washoutDays: 2 },
  'experiments:list': undefined,
  'experiments:abandon': { id: run(9, '2024-05-01').id },
  'experiments:result': { id: run(9, '2024-05-01').id },
  'report:build': { weeks: 4 },
  'report:savePdf': { fileName: 'report.pdf', paper: 'A4' },
} satisfies { [M in Method]: InputOf<M> };

const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'id', 'date', 'input');
const hostileValue = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.constantFrom(
    -1,
    0,
    1e308,
    -0,
    Number.MAX_SAFE_INTEGER,
    '',
    ' ',
    '\u0000',
    '../../etc/passwd',
    '9999-99-99',
    '2024-02-30',
    '<script>alert(1)</script>',
    'x'.repeat(10_000),
    null,
    [],
    {},
    true,
  ),
);

/** A valid input with one field replaced, removed or added; or something else entirely. */
function payloadFor(method: Method): fc.Arbitrary<unknown> {
  const valid: unknown = VALID[method];
  const mutated =
    valid && typeof valid === 'object'
      ? fc.oneof(
          fc
            .tuple(fc.constantFrom(...Object.keys(valid)), hostileValue)
            .map(([key, value]) => ({ ...valid, [key]: value })),
          fc.constantFrom(...Object.keys(valid)).map((key) => {
            const copy: Record<string, unknown> = { ...valid };
            delete copy[key];
            return copy;
          }),
          fc.tuple(hostileKey, hostileValue).map(([key, value]) => ({ ...valid, [key]: value })),
        )
      : fc.constant(valid);
  // Well-formed inputs that point at nothing: must be refused (not_found) without side effects.
  const dangling =
    valid && typeof valid === 'object' && 'id' in valid
      ? fc.uuid({ version: 4 }).map((id) => ({ ...valid, id }))
      : valid && typeof valid === 'object' && 'file' in valid
        ? fc
            .date({ min: new Date('2000-01-01'), max: new Date('2099-01-01'), noInvalidDate: true })
            .map((d) => ({ file: `backstride-${d.toISOString().slice(0, 19).replace(/:/g, '-')}.json` }))
        : fc.constant(valid);
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(valid) },
    { weight: 2, arbitrary: dangling },
    { weight: 4, arbitrary: mutated },
    { weight: 2, arbitrary: fc.anything({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.dictionary(hostileKey, hostileValue) },
  );
}

const call = fc.oneof(
  { weight: 9, arbitrary: fc.constantFrom(...METHODS).chain((m) => fc.tuple(fc.constant<unknown>(m), payloadFor(m))) },
  {
    weight: 1,
    arbitrary: fc.tuple(
      fc.oneof(
        fc.string(),
        fc.constantFrom('__proto__', 'constructor', 'hasOwnProperty', 'runs:save ', 'RUNS:SAVE', 'runs', ':'),
        fc.anything({ maxDepth: 1 }),
      ),
      fc.anything({ maxDepth: 2 }),
    ),
  },
);

function expectEnvelope(result: unknown): asserts result is Result<unknown> {
  expect(typeof result).toBe('object');
  const envelope = result as Result<unknown>;
  if (envelope.ok) {
    expect(envelope).toHaveProperty('value');
  } else {
    expect(ERROR_CODES).toContain(envelope.error.code);
    expect(typeof envelope.error.message).toBe('string');
    expect(envelope.error.message.length).toBeGreaterThan(0);
  }
  // What crosses a door must survive JSON (HTTP) and structured clone (IPC).
  expect(() => JSON.stringify(result)).not.toThrow();
}

/** A data folder with entries in two years, settings and a backup, so every method has something to act on. */
async function seededApp() {
  const app = openTestApp(tempDir());
  await app.repo.save('run', run(1, '2024-05-01'));
  await app.repo.save('run', run(4, '2023-05-01'));
  await app.repo.save('pain', pain(2, '2024-05-01'));
  await app.repo.save('strength', session(3, '2024-05-01'));
  await backupNow(app.repo);
  return app;
}

const counts = { dispatch: 0, http: 0, refused: 0 };
afterAll(() =>
  recordStat('fuzz', {
    fuzzCasesTried: counts.dispatch + counts.http,
    throughDispatch: counts.dispatch,
    throughHttp: counts.http,
    refusedWithStoreUnchanged: counts.refused,
  }),
);

describe('random payloads through dispatch (the IPC adapter core)', () => {
  it(
    `answers ${DISPATCH_RUNS} random calls with envelopes, changing nothing when it refuses`,
    { timeout: 120_000 },
    async () => {
      const app = await seededApp();
      await fc.assert(
        fc.asyncProperty(call, async ([method, input]) => {
          const before = folderBytes(app.dataDir);
          const result = await dispatch(app.handlers, method, input);
          counts.dispatch++;
          expectEnvelope(result);
          if (!result.ok) {
            expect(result.error.code, `${String(method)}: ${result.error.message}`).not.toBe('internal');
            expect(folderBytes(app.dataDir), `${String(method)} refused but changed the data folder`).toEqual(before);
            counts.refused++;
          }
        }),
        { numRuns: DISPATCH_RUNS },
      );
    },
  );
});

describe('random payloads through the browser-mode HTTP door', () => {
  let door: HttpDoor;
  let dataDir: string;
  beforeAll(async () => {
    const app = await seededApp();
    dataDir = app.dataDir;
    const staticRoot = tempDir();
    fs.writeFileSync(path.join(staticRoot, 'index.html'), '<!doctype html><title>Backstride</title>');
    door = await startHttpDoor({ handlers: app.handlers, staticRoot });
  });
  afterAll(() => door.close());

  const rawBody = fc.oneof(
    fc.string(),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.constantFrom('', '{', 'null', '[]', '"x"', '{"input":', '\u0000', '{"__proto__":{"x":1}}'),
  );
  const request = fc.oneof(
    {
      weight: 7,
      arbitrary: fc.constantFrom(...METHODS).chain((m) =>
        fc.tuple(
          fc.constant<string>(m),
          payloadFor(m).map((input) => JSON.stringify({ input }) ?? ''),
        ),
      ),
    },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom<string>(...METHODS), rawBody) },
    { weight: 1, arbitrary: fc.tuple(fc.string({ minLength: 1 }), rawBody) },
  );

  it(
    `answers ${HTTP_RUNS} random requests with envelopes, changing nothing when it refuses`,
    { timeout: 120_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(request, async ([method, payload]) => {
          const before = folderBytes(dataDir);
          const response = await fetch(`http://127.0.0.1:${door.port}/api/${encodeURIComponent(method)}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${door.sessionSecret}` },
            body: payload,
          });
          counts.http++;
          expect(response.headers.get('content-type')).toMatch(/^application\/json/);
          expect(response.headers.get('access-control-allow-origin')).toBeNull();
          const result: unknown = await response.json();
          expectEnvelope(result);
          if (!result.ok) {
            expect(result.error.code, `${method}: ${result.error.message}`).not.toBe('internal');
            expect(folderBytes(dataDir), `${method} refused but changed the data folder`).toEqual(before);
            counts.refused++;
          }
        }),
        { numRuns: HTTP_RUNS },
      );
      // The door is still up and answering after all of it.
      const info = await fetch(`http://127.0.0.1:${door.port}/api/app:info`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${door.sessionSecret}` },
        body: '{}',
      });
      expect(((await info.json()) as Result<unknown>).ok).toBe(true);
    },
  );
});
