// The Electron main process: lifecycle, the window, the app:// protocol, menu, single instance
// and the security hooks. The log itself is the same service browser mode and the CLI use.
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, protocol, session, shell, type WebContents } from 'electron';
import Store from 'electron-store';
import { sendPush } from '../shared/api';
import { openApp } from './context';
import { registerIpc } from './ipc';
import { desktopCapabilities } from './electron/printPdf';
import { buildMenu } from './menu';
import { DesktopReminders } from './electron/reminders';
import { argValue } from './paths';
import {
  appProtocolHandler,
  hardenContents,
  hardenSession,
  isTrustedFrame,
  openExternalAfterAsking,
} from './electron/guards';
import { APP_ORIGIN, APP_SCHEME, WEB_PREFERENCES } from './security';
import { storeFileFor, type StoreFactory } from './store/storeFile';

// As confFactory in browser mode (storeFileFor): electron-store hands the same options on to conf.
const electronStoreFactory: StoreFactory = (dataDir, name) =>
  storeFileFor(dataDir, name, (options) => new Store<Record<string, unknown>>({ cwd: dataDir, name, ...options }));

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
let mainWindow: BrowserWindow | undefined;
let reminders: DesktopReminders | undefined;
let quitting = false;

/** A yes/no question over `window` (or on its own); "no" is the default and what Escape picks. */
function questionOptions(yes: string, no: string, message: string, detail: string): Electron.MessageBoxOptions {
  return { type: 'question', buttons: [yes, no], defaultId: 1, cancelId: 1, message, detail };
}

/** Shows the address and asks before anything is opened outside the app. */
async function confirmExternal(contents: WebContents | undefined, url: string): Promise<boolean> {
  const window = contents ? BrowserWindow.fromWebContents(contents) : mainWindow;
  const options = questionOptions('Open in Browser', 'Cancel', 'Open this address in your web browser?', url);
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  return response === 0;
}

function confirmLeave(contents: WebContents): boolean {
  const window = BrowserWindow.fromWebContents(contents);
  const options = questionOptions(
    'Leave',
    'Stay',
    'Leave the routine?',
    'The routine is not finished; nothing of it will be saved.',
  );
  return (window ? dialog.showMessageBoxSync(window, options) : dialog.showMessageBoxSync(options)) === 0;
}

/** The one place a URL leaves the app; every caller asks the user first (openExternalAfterAsking). */
const openInBrowser = (url: string): Promise<void> => shell.openExternal(url);

function harden(): void {
  app.on('web-contents-created', (_event, contents) =>
    hardenContents(contents, {
      devServerUrl,
      confirmExternal,
      openExternal: openInBrowser,
      confirmLeave,
    }),
  );
  hardenSession(session.defaultSession, devServerUrl);
}

async function createWindow(ctx: ReturnType<typeof openApp>): Promise<void> {
  const bounds = ctx.repo.settings.windowBounds;
  mainWindow = new BrowserWindow({
    width: bounds?.width ?? 1200,
    height: bounds?.height ?? 820,
    ...(bounds ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: 720,
    minHeight: 520,
    title: 'Backstride',
    show: false,
    backgroundColor: '#111827',
    webPreferences: { ...WEB_PREFERENCES, preload: path.join(import.meta.dirname, '../preload/preload.cjs') },
  });
  if (bounds?.maximized) mainWindow.maximize();
  // Opened at login for reminders, it starts in the tray.
  if (!process.argv.includes('--hidden')) mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('close', (event) => {
    if (!mainWindow) return;
    // With a reminder on, closing the window leaves Backstride in the tray so reminders still come.
    if (reminders?.keepRunning && !quitting) {
      event.preventDefault();
      mainWindow.hide();
      return;
    }
    const b = mainWindow.getNormalBounds();
    void ctx.repo.updateSettings({
      ...ctx.repo.settings,
      windowBounds: {
        ...b,
        width: Math.max(400, b.width),
        height: Math.max(300, b.height),
        maximized: mainWindow.isMaximized(),
      },
    });
  });
  await mainWindow.loadURL(devServerUrl ?? `${APP_ORIGIN}/`);
}

function start(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  const dataDir = path.resolve(
    argValue(process.argv, '--data-dir') ?? process.env.BACKSTRIDE_DATA_DIR ?? app.getPath('userData'),
  );

  void app.whenReady().then(async () => {
    let ctx: ReturnType<typeof openApp>;
    try {
      ctx = openApp({
        dataDir,
        mode: 'electron',
        factory: electronStoreFactory,
        onChange: (types) => {
          sendPush(mainWindow?.webContents, 'data:changed', { types });
          if (types.includes('settings')) reminders?.apply();
        },
        desktop: desktopCapabilities(() => mainWindow),
      });
    } catch (error) {
      // Another Backstride writes to this folder (or it cannot be read): say so plainly and stop.
      dialog.showErrorBox('Backstride cannot open your log', error instanceof Error ? error.message : String(error));
      app.quit();
      return;
    }
    harden();
    protocol.handle(APP_SCHEME, appProtocolHandler(path.join(import.meta.dirname, '../renderer')));
    registerIpc(ctx.handlers, (frame) => isTrustedFrame(frame, devServerUrl));
    Menu.setApplicationMenu(
      buildMenu(
        () => mainWindow,
        (url) => openExternalAfterAsking(url, (u) => confirmExternal(mainWindow?.webContents, u), openInBrowser),
      ),
    );
    await createWindow(ctx);
    reminders = new DesktopReminders(ctx.repo, async () => {
      if (!mainWindow || mainWindow.isDestroyed()) await createWindow(ctx);
      mainWindow!.show();
      mainWindow!.focus();
      return mainWindow!;
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void createWindow(ctx);
    });
    app.on('before-quit', () => {
      quitting = true;
      reminders?.stop();
      void ctx.repo.flush();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' && !reminders?.keepRunning) app.quit();
  });
}

start();
