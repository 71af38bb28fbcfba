// The Electron main process: lifecycle, the window, the app:// protocol, menu, single instance
// and the security hooks. The log itself is the same service browser mode and the CLI use.
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, protocol, session, shell, type WebFrameMain } from 'electron';
import Store from 'electron-store';
import { openApp } from './context';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { DesktopReminders } from './electron/reminders';
import { argValue } from './paths';
import {
  APP_ORIGIN,
  APP_SCHEME,
  externalUrlAllowed,
  isAppUrl,
  isOwnPageUrl,
  SECURITY_HEADERS,
  WEB_PREFERENCES,
} from './security';
import { MIME_TYPES, resolveStatic } from './staticFiles';
import { storeFileThrough, type StoreFactory } from './store/storeFile';

// The options and write path conf has in browser mode (storeFileThrough); electron-store hands them on to conf.
const electronStoreFactory: StoreFactory = (dataDir, name) =>
  storeFileThrough(name, (options) => new Store<Record<string, unknown>>({ cwd: dataDir, name, ...options }));

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
let mainWindow: BrowserWindow | undefined;
let reminders: DesktopReminders | undefined;
let quitting = false;

function isTrustedFrame(frame: WebFrameMain | null): boolean {
  if (!frame || frame.parent !== null) return false;
  return isOwnPageUrl(frame.url, devServerUrl);
}

function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (!isAppUrl(request.url)) return new Response('Not found', { status: 404 });
    const file = resolveStatic(root, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    const body = await fs.promises.readFile(file);
    return new Response(body, {
      headers: { ...SECURITY_HEADERS, 'Content-Type': MIME_TYPES[path.extname(file)] ?? 'application/octet-stream' },
    });
  });
}

function hardenContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      // The app is a single page: no navigation away from it, ever.
      if (!isOwnPageUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // The page asks before it is closed mid-routine; Electron would otherwise just refuse to close.
    contents.on('will-prevent-unload', (event) => {
      const window = BrowserWindow.fromWebContents(contents);
      const options = {
        type: 'question' as const,
        buttons: ['Leave', 'Stay'],
        defaultId: 1,
        cancelId: 1,
        message: 'Leave the routine?',
        detail: 'The routine is not finished; nothing of it will be saved.',
      };
      const choice = window ? dialog.showMessageBoxSync(window, options) : dialog.showMessageBoxSync(options);
      if (choice === 0) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      if (externalUrlAllowed(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  // Electron grants permissions unless told otherwise; Backstride needs none.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  // Nothing leaves the machine: only our own scheme (and the dev server while developing).
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      details.url.startsWith(`${APP_ORIGIN}/`) ||
      // Exports are offered as blob: downloads (Electron then shows its native save dialog).
      details.url.startsWith('blob:') ||
      details.url.startsWith('data:') ||
      details.url.startsWith('devtools://') ||
      (devServerUrl !== undefined && details.url.startsWith(new URL(devServerUrl).origin));
    callback({ cancel: !allowed });
  });
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
          mainWindow?.webContents.send('data:changed', { types });
          if (types.includes('settings')) reminders?.apply();
        },
      });
    } catch (error) {
      // Another Backstride writes to this folder (or it cannot be read): say so plainly and stop.
      dialog.showErrorBox('Backstride cannot open your log', error instanceof Error ? error.message : String(error));
      app.quit();
      return;
    }
    hardenContents();
    serveRenderer(path.join(import.meta.dirname, '../renderer'));
    registerIpc(ctx.handlers, isTrustedFrame);
    Menu.setApplicationMenu(buildMenu(() => mainWindow));
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
