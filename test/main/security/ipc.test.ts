// Electron's door: every contract method registered once; calls are answered only for our own
// window's main frame, and a refused call never reaches the service.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { METHODS, offeredOn } from '../../../shared/api';
import { registerIpc } from '../../../main/ipc';
import type { Handlers } from '../../../main/service';
import { isTrustedFrame } from '../../../main/electron/guards';
import { openTestApp } from '../../helpers';

const registered = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) => {
      if (registered.has(channel)) throw new Error(`second handler for ${channel}`);
      registered.set(channel, handler);
    },
  },
}));

describe('IPC registrar', () => {
  const calls: string[] = [];
  // Opened when the tests run, not while vitest collects them (a temp folder per collected file otherwise).
  beforeAll(() => {
    const { handlers } = openTestApp();
    const spied = Object.fromEntries(
      METHODS.map((m) => [
        m,
        async (input: unknown) => {
          calls.push(m);
          return (handlers[m] as (input: unknown) => Promise<unknown>)(input);
        },
      ]),
    ) as unknown as Handlers;
    registerIpc(spied, (frame) => isTrustedFrame(frame));
  });

  it('registers every method the IPC door offers, once, and nothing else', () => {
    expect([...registered.keys()].sort()).toEqual(METHODS.filter((m) => offeredOn(m, 'ipc')).sort());
    expect(registered.has('import:previewPaths')).toBe(false);
  });

  it('answers our own top frame', async () => {
    const result = await registered.get('settings:get')!(
      { senderFrame: { url: 'app://backstride/', parent: null } },
      undefined,
    );
    expect(result).toMatchObject({ ok: true, value: { distanceUnit: 'km' } });
  });

  it.each([
    ['a remote page', { url: 'https://evil.example/', parent: null }],
    ['a subframe of our page', { url: 'app://backstride/', parent: { url: 'app://backstride/', parent: null } }],
    ['a look-alike host', { url: 'app://backstride.evil/', parent: null }],
    ['a file page', { url: 'file:///tmp/x.html', parent: null }],
    ['no frame at all', null],
  ])('refuses %s without calling the service', async (_label, frame) => {
    calls.length = 0;
    const result = await registered.get('runs:save')!(
      { senderFrame: frame },
      { date: '2024-05-01', distanceKm: 5, durationS: 1800 },
    );
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Refused/) } });
    expect(calls).toEqual([]);
  });
});
