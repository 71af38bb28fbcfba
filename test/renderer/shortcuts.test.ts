// The shortcut list behind the Help table and browser mode matches the desktop menu.
import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../../shared/api';
import { commandForKey, SHORTCUTS, type KeyPress } from '../../renderer/src/features/help/shortcuts';

vi.mock('electron', () => ({
  Menu: { buildFromTemplate: (template: unknown) => template },
}));

interface Item {
  label?: string;
  accelerator?: string;
  click?: () => void;
  submenu?: Item[];
}

async function menuAccelerators(): Promise<Map<MenuCommand, string>> {
  const { buildMenu } = await import('../../main/menu');
  let sent: MenuCommand | undefined;
  const window = { webContents: { send: (_channel: string, command: MenuCommand) => (sent = command) } };
  const template = buildMenu(
    () => window as never,
    async () => undefined,
  ) as unknown as Item[];
  const found = new Map<MenuCommand, string>();
  const walk = (items: Item[]) => {
    for (const item of items) {
      if (item.submenu) walk(item.submenu);
      if (!item.click || !item.accelerator) continue;
      sent = undefined;
      item.click();
      if (sent) found.set(sent, item.accelerator);
    }
  };
  walk(template);
  return found;
}

const press = (code: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  code,
  key: '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('keyboard shortcuts', () => {
  it('lists exactly the desktop menu accelerators', async () => {
    const menu = await menuAccelerators();
    const listed = new Map(SHORTCUTS.filter((s) => s.desktop).map((s) => [s.command, s.desktop]));
    expect(listed).toEqual(menu);
  });

  it('gives every command an Alt+Shift or plain key in browser mode that maps back to it', () => {
    for (const shortcut of SHORTCUTS) {
      expect(shortcut.browser.length).toBeGreaterThan(0);
      for (const combo of shortcut.browser) {
        const event = press(combo.code, { ctrlKey: !!combo.mod, altKey: !!combo.alt, shiftKey: !!combo.shift });
        expect(commandForKey(event, false, false), `${shortcut.action}`).toBe(shortcut.command);
        const mac = press(combo.code, { metaKey: !!combo.mod, altKey: !!combo.alt, shiftKey: !!combo.shift });
        expect(commandForKey(mac, true, false)).toBe(shortcut.command);
      }
    }
  });

  it('leaves the browser’s own keys and text-field undo alone', () => {
    expect(commandForKey(press('KeyN', { ctrlKey: true }), false, false)).toBeUndefined();
    expect(commandForKey(press('KeyR', { ctrlKey: true }), false, false)).toBeUndefined();
    expect(commandForKey(press('KeyZ', { ctrlKey: true }), false, true)).toBeUndefined();
    expect(commandForKey(press('KeyZ', { ctrlKey: true }), false, false)).toBe('undo');
    expect(commandForKey(press('KeyP'), false, false)).toBeUndefined();
  });
});
