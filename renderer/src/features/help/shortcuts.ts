// Every keyboard shortcut in one list: the desktop menu's accelerator (main/menu.ts uses the
// same strings; a unit test keeps them in step) and the keys browser mode listens for. Browser
// mode cannot have keys the browser keeps for itself (Ctrl+N, Ctrl+Shift+N, Ctrl+R reload,
// Ctrl+digit tab switching), so every command also has Alt+Shift+key.
import type { MenuCommand } from '../../../../shared/api';

/** A key combination: `code` as KeyboardEvent.code reports it (layout-independent). */
export interface KeyCombo {
  code: string;
  /** Ctrl, or Cmd on a Mac. */
  mod?: boolean;
  alt?: boolean;
  shift?: boolean;
}

export interface Shortcut {
  command: MenuCommand;
  action: string;
  /** The desktop menu accelerator (Electron syntax), or undefined when the menu has none. */
  desktop: string | undefined;
  browser: KeyCombo[];
}

const letter = (l: string) => `Key${l.toUpperCase()}`;
const altShift = (code: string): KeyCombo => ({ code, alt: true, shift: true });

export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'new-run', action: 'New run', desktop: 'CmdOrCtrl+N', browser: [altShift(letter('n'))] },
  {
    command: 'new-pain',
    action: 'New pain rating',
    desktop: 'CmdOrCtrl+P',
    browser: [{ code: letter('p'), mod: true }, altShift(letter('p'))],
  },
  {
    command: 'new-session',
    action: 'New session',
    desktop: 'CmdOrCtrl+Shift+N',
    browser: [altShift(letter('s'))],
  },
  { command: 'start-routine', action: 'Start routine', desktop: 'CmdOrCtrl+R', browser: [altShift(letter('r'))] },
  {
    command: 'import',
    action: 'Import',
    desktop: 'CmdOrCtrl+I',
    browser: [{ code: letter('i'), mod: true }, altShift(letter('i'))],
  },
  {
    command: 'export',
    action: 'Export',
    desktop: 'CmdOrCtrl+E',
    browser: [{ code: letter('e'), mod: true }, altShift(letter('e'))],
  },
  {
    command: 'backup',
    action: 'Back up now',
    desktop: 'CmdOrCtrl+B',
    browser: [{ code: letter('b'), mod: true }, altShift(letter('b'))],
  },
  {
    command: 'open-settings',
    action: 'Settings',
    desktop: 'CmdOrCtrl+,',
    browser: [{ code: 'Comma', mod: true }, altShift('Comma')],
  },
  { command: 'open-journal', action: 'Journal', desktop: 'CmdOrCtrl+1', browser: [altShift('Digit1')] },
  { command: 'open-insights', action: 'Insights', desktop: 'CmdOrCtrl+2', browser: [altShift('Digit2')] },
  {
    command: 'open-report',
    action: 'Report for your physio',
    desktop: 'CmdOrCtrl+Shift+P',
    browser: [{ code: letter('p'), mod: true, shift: true }, altShift('Digit3')],
  },
  { command: 'open-help', action: 'Help', desktop: 'F1', browser: [{ code: 'F1' }, altShift(letter('h'))] },
  {
    command: 'undo',
    action: 'Undo the last delete',
    desktop: 'CmdOrCtrl+Shift+Z',
    browser: [
      { code: letter('z'), mod: true, shift: true },
      { code: letter('z'), mod: true },
    ],
  },
];

export interface KeyPress {
  code: string;
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** The command a key press asks for in browser mode, if any. Plain Ctrl+Z inside a text field stays the field's undo. */
export function commandForKey(press: KeyPress, isMac: boolean, inTextField: boolean): MenuCommand | undefined {
  const mod = isMac ? press.metaKey : press.ctrlKey;
  // Layouts without a physical comma key still report key ','.
  const code = press.code === '' && press.key === ',' ? 'Comma' : press.code;
  for (const shortcut of SHORTCUTS) {
    for (const combo of shortcut.browser) {
      if (
        combo.code === code &&
        Boolean(combo.mod) === mod &&
        Boolean(combo.alt) === press.altKey &&
        Boolean(combo.shift) === press.shiftKey &&
        !(isMac ? press.ctrlKey : press.metaKey)
      ) {
        if (shortcut.command === 'undo' && inTextField) return undefined;
        return shortcut.command;
      }
    }
  }
  return undefined;
}

function keyName(code: string): string {
  if (code.startsWith('Key')) return code.slice(3);
  if (code.startsWith('Digit')) return code.slice(5);
  if (code === 'Comma') return ',';
  return code;
}

/** A combination as people read it: "Ctrl+P", "Alt+Shift+N", "⌘P" on a Mac. */
export function comboLabel(combo: KeyCombo, isMac: boolean): string {
  const parts: string[] = [];
  if (combo.mod) parts.push(isMac ? '⌘' : 'Ctrl');
  if (combo.alt) parts.push(isMac ? '⌥' : 'Alt');
  if (combo.shift) parts.push(isMac ? '⇧' : 'Shift');
  parts.push(keyName(combo.code));
  return isMac ? parts.join('') : parts.join('+');
}

/** An Electron accelerator as people read it on this system. */
export function acceleratorLabel(accelerator: string, isMac: boolean): string {
  const keys = accelerator.split('+');
  const key = keys.pop() ?? '';
  const combo: KeyCombo = {
    code: /^[A-Z]$/.test(key) ? `Key${key}` : /^\d$/.test(key) ? `Digit${key}` : key === ',' ? 'Comma' : key,
    mod: keys.includes('CmdOrCtrl'),
    alt: keys.includes('Alt'),
    shift: keys.includes('Shift'),
  };
  return comboLabel(combo, isMac);
}
