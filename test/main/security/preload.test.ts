// The preload exposes exactly the contract's methods (domain-shaped) plus `on` for the typed
// pushes: no channel names, no raw ipcRenderer, no event objects handed to the page.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, WINDOW_METHODS } from '../../../shared/api';

const exposed = new Map<string, unknown>();
const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }));
const listeners = new Map<string, Array<(event: unknown, payload: unknown) => void>>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (channel: string, input: unknown) => invoke(channel, input),
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
    },
    removeListener: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((l) => l !== listener),
      );
    },
  },
}));

type Exposed = Record<string, Record<string, (input?: unknown) => Promise<unknown>>> & {
  on(event: string, listener: (payload: unknown) => void): () => void;
};
let api: Exposed;

beforeAll(async () => {
  await import('../../../main/preload');
  api = exposed.get('backstride') as Exposed;
});

describe('preload', () => {
  it('exposes one object, window.backstride, and nothing else', () => {
    expect([...exposed.keys()]).toEqual(['backstride']);
  });

  it("has exactly the window's contract methods as area.verb functions, plus on()", () => {
    const areas = Object.keys(api).filter((key) => key !== 'on');
    const exposedMethods = areas.flatMap((area) => Object.keys(api[area]!).map((verb) => `${area}:${verb}`));
    expect(exposedMethods.sort()).toEqual([...WINDOW_METHODS].sort());
    expect(typeof api.on).toBe('function');
    for (const area of areas) {
      for (const verb of Object.keys(api[area]!)) expect(typeof api[area]![verb], `${area}.${verb}`).toBe('function');
    }
  });

  it('sends each call on its own contract channel with the input only', async () => {
    for (const method of WINDOW_METHODS) {
      const [area, verb] = method.split(':') as [string, string];
      const input = { probe: method };
      await expect(api[area]![verb]!(input)).resolves.toEqual({ ok: true, value: { channel: method, input } });
    }
    expect(invoke).toHaveBeenCalledTimes(WINDOW_METHODS.length);
  });

  it('hands listeners the payload only (never the IPC event), and unsubscribes', () => {
    const got: unknown[] = [];
    const off = api.on('menu:command', (payload) => got.push(payload));
    const [listener] = listeners.get('menu:command')!;
    listener!({ sender: 'the raw event' }, MENU_COMMANDS[0]);
    expect(got).toEqual([MENU_COMMANDS[0]]);
    off();
    expect(listeners.get('menu:command')).toEqual([]);
  });

  it('refuses to subscribe to any channel outside the push map', () => {
    expect(() => api.on('runs:save', () => undefined)).toThrow(/Unknown event/);
    expect(() => api.on('ELECTRON_BROWSER_REQUIRE', () => undefined)).toThrow(/Unknown event/);
    expect(listeners.has('runs:save')).toBe(false);
  });
});
