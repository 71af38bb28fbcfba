// The desktop app's reminders: native notifications from the main process, so they come while
// the window is closed too (Backstride then keeps a tray icon), and "Open at login".
import { app, Menu, Notification, Tray, nativeImage, type BrowserWindow } from 'electron';
import path from 'node:path';
import { isCoreSession } from '../../shared/exercises';
import { REMINDER_TEXT, ReminderScheduler, type ReminderKind } from '../../shared/reminders';
import type { MenuCommand } from '../../shared/api';
import type { LogRepository } from '../store/repository';

export function loggedToday(repo: LogRepository, kind: ReminderKind, today: string): boolean {
  if (kind === 'pain') return repo.all('pain').some((p) => p.date === today);
  const custom = repo.settings.customExercises;
  return repo.all('strength').some((s) => s.date === today && isCoreSession(s, custom));
}

export function anyReminderOn(repo: LogRepository): boolean {
  const { reminders } = repo.settings;
  return reminders.pain.enabled || reminders.core.enabled;
}

export class DesktopReminders {
  private tray: Tray | undefined;
  private readonly scheduler: ReminderScheduler;

  constructor(
    private readonly repo: LogRepository,
    private readonly showWindow: () => Promise<BrowserWindow>,
  ) {
    this.scheduler = new ReminderScheduler({
      reminders: () => repo.settings.reminders,
      loggedToday: (kind, today) => loggedToday(repo, kind, today),
      notify: (kind) => this.notify(kind),
    });
    this.scheduler.start();
    this.apply();
  }

  /** Re-reads the settings: the tray while a reminder is on, and the login item. */
  apply(): void {
    if (anyReminderOn(this.repo) && !this.tray) {
      const icon = nativeImage.createFromPath(path.join(import.meta.dirname, '../../build/icon.png'));
      this.tray = new Tray(icon.isEmpty() ? icon : icon.resize({ width: 16, height: 16 }));
      this.tray.setToolTip('Backstride');
      this.tray.setContextMenu(
        Menu.buildFromTemplate([
          { label: 'Open Backstride', click: () => void this.showWindow() },
          { type: 'separator' },
          { label: 'Quit', click: () => app.quit() },
        ]),
      );
      this.tray.on('click', () => void this.showWindow());
    } else if (!anyReminderOn(this.repo) && this.tray) {
      this.tray.destroy();
      this.tray = undefined;
    }
    if (app.getLoginItemSettings().openAtLogin !== this.repo.settings.openAtLogin)
      app.setLoginItemSettings({ openAtLogin: this.repo.settings.openAtLogin, args: ['--hidden'] });
  }

  /** With a reminder on, closing the window leaves Backstride running in the tray. */
  get keepRunning(): boolean {
    return this.tray !== undefined;
  }

  private notify(kind: ReminderKind): void {
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title: REMINDER_TEXT[kind].title, body: REMINDER_TEXT[kind].body });
    const command: MenuCommand = kind === 'pain' ? 'new-pain' : 'start-routine';
    notification.on('click', () => {
      void this.showWindow().then((window) => window.webContents.send('menu:command', command));
    });
    notification.show();
  }

  stop(): void {
    this.scheduler.stop();
    this.tray?.destroy();
  }
}
