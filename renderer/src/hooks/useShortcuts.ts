// Browser mode's keyboard shortcuts, matching the desktop menu's accelerators where the
// browser lets a page have them (Alt+Shift+letter as a fallback for browser-reserved keys).
import { useEffect } from 'react';
import type { MenuCommand } from '../../../shared/api';

const BY_KEY: Record<string, MenuCommand> = {
  n: 'new-run',
  p: 'new-pain',
  s: 'new-session',
  r: 'start-routine',
  i: 'import',
  e: 'export',
  b: 'backup',
  ',': 'open-settings',
  '1': 'open-journal',
  '2': 'open-insights',
};

export const SHORTCUT_HINTS: Array<{ keys: string; command: MenuCommand }> = Object.entries(BY_KEY).map(
  ([key, command]) => ({ keys: `Alt+Shift+${key.toUpperCase()}`, command }),
);

function inTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function useShortcuts(run: (command: MenuCommand) => void, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'F1') {
        event.preventDefault();
        return run('open-help');
      }
      const ctrl = event.ctrlKey || event.metaKey;
      if (ctrl && !event.shiftKey && event.key.toLowerCase() === 'z' && !inTextField(event.target)) {
        event.preventDefault();
        return run('undo');
      }
      const key = event.code.startsWith('Key')
        ? event.code.slice(3).toLowerCase()
        : event.code.startsWith('Digit')
          ? event.code.slice(5)
          : event.key === ','
            ? ','
            : '';
      const command = BY_KEY[key];
      if (!command) return;
      if ((event.altKey && event.shiftKey) || (ctrl && !event.altKey && !event.shiftKey && !['n', 'r'].includes(key))) {
        event.preventDefault();
        run(command);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run, enabled]);
}
