// Browser mode's keyboard shortcuts: the desktop menu's accelerators where the browser lets a
// page have them, Alt+Shift+key for every command (the full list is in features/help/shortcuts.ts
// and on the Help screen).
import { useEffect } from 'react';
import type { MenuCommand } from '../../../shared/api';
import { commandForKey } from '../features/help/shortcuts';

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

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
      if (event.repeat || event.defaultPrevented) return;
      const command = commandForKey(event, IS_MAC, inTextField(event.target));
      if (!command) return;
      event.preventDefault();
      run(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run, enabled]);
}
