// Browser mode's reminders: the Notification API while the tab is open. (The desktop app's
// come from the main process, which runs even with the window closed.)
import { useEffect, useRef } from 'react';
import { isCoreSession } from '../../../../shared/exercises';
import { REMINDER_TEXT, ReminderScheduler, type ReminderKind } from '../../../../shared/reminders';
import type { MenuCommand } from '../../../../shared/api';
import type { Settings } from '../../../../shared/model';
import { api, isDesktop } from '../../api/client';

async function loggedToday(kind: ReminderKind, today: string, settings: Settings): Promise<boolean> {
  const page = await api.journal.list({ from: today, to: today, type: kind === 'pain' ? 'pain' : 'strength' });
  if (kind === 'pain') return page.entries.length > 0;
  return page.entries.some(
    (entry) => entry.type === 'strength' && isCoreSession(entry.record, settings.customExercises),
  );
}

export function useBrowserReminders(settings: Settings, runCommand: (command: MenuCommand) => void): void {
  const latest = useRef({ settings, runCommand });
  useEffect(() => {
    latest.current = { settings, runCommand };
  });
  const anyOn = settings.reminders.pain.enabled || settings.reminders.core.enabled;
  useEffect(() => {
    if (isDesktop || !anyOn || typeof Notification === 'undefined') return;
    const scheduler = new ReminderScheduler({
      reminders: () => latest.current.settings.reminders,
      // When the log cannot be asked, stay quiet rather than remind about something perhaps logged.
      loggedToday: (kind, today) => loggedToday(kind, today, latest.current.settings).catch(() => true),
      notify: (kind) => {
        if (Notification.permission !== 'granted') return false;
        const notification = new Notification(REMINDER_TEXT[kind].title, { body: REMINDER_TEXT[kind].body });
        notification.onclick = () => {
          window.focus();
          latest.current.runCommand(kind === 'pain' ? 'new-pain' : 'start-routine');
          notification.close();
        };
        return true;
      },
    });
    scheduler.start();
    return () => scheduler.stop();
  }, [anyOn]);
}
