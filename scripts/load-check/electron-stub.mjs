// A stand-in for the `electron` module, so the built main and preload can really be loaded
// under plain Node: every export is a fake that records what is called on it and answers
// with another fake. `app.whenReady()` never resolves, so no window is ever made.
export const calls = [];
globalThis.__electronStubCalls = calls;

function fake(path) {
  return new Proxy(function () {}, {
    get(_target, prop) {
      if (prop === 'then') return undefined; // not a promise
      if (prop === Symbol.toPrimitive) return () => path;
      if (typeof prop === 'symbol') return undefined;
      if (path === 'app' && prop === 'whenReady') return () => new Promise(() => {});
      if (path === 'app' && prop === 'isPackaged') return false;
      if (path === 'app' && prop === 'getPath') return () => '/nonexistent-backstride-load-check';
      return fake(`${path}.${prop}`);
    },
    apply(_target, _this, args) {
      calls.push({ path, args });
      return fake(`${path}()`);
    },
    construct(_target, args) {
      calls.push({ path: `new ${path}`, args });
      return fake(`new ${path}`);
    },
  });
}

export const app = fake('app');
export const BrowserWindow = fake('BrowserWindow');
export const contextBridge = fake('contextBridge');
export const dialog = fake('dialog');
export const ipcMain = fake('ipcMain');
export const ipcRenderer = fake('ipcRenderer');
export const Menu = fake('Menu');
export const nativeImage = fake('nativeImage');
export const nativeTheme = fake('nativeTheme');
export const net = fake('net');
export const Notification = fake('Notification');
export const protocol = fake('protocol');
export const screen = fake('screen');
export const session = fake('session');
export const shell = fake('shell');
export const Tray = fake('Tray');
export const webContents = fake('webContents');
export const webFrame = fake('webFrame');
export default {
  app,
  BrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  nativeImage,
  nativeTheme,
  net,
  Notification,
  protocol,
  screen,
  session,
  shell,
  Tray,
  webContents,
  webFrame,
};
