// The native application menu. Items that act on the page send a typed menu command.
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { sendPush, type MenuCommand } from '../shared/api';

export function buildMenu(
  getWindow: () => BrowserWindow | undefined,
  /** Shows the address and asks before opening it in the browser (main/electron/guards.ts). */
  openExternal: (url: string) => Promise<unknown>,
): Menu {
  const send = (command: MenuCommand) => () => sendPush(getWindow()?.webContents, 'menu:command', command);
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Run', accelerator: 'CmdOrCtrl+N', click: send('new-run') },
        { label: 'New Pain Rating', accelerator: 'CmdOrCtrl+P', click: send('new-pain') },
        { label: 'New Session', accelerator: 'CmdOrCtrl+Shift+N', click: send('new-session') },
        { label: 'Start Routine', accelerator: 'CmdOrCtrl+R', click: send('start-routine') },
        { type: 'separator' },
        { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: send('import') },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: send('export') },
        { label: 'Back Up Now…', accelerator: 'CmdOrCtrl+B', click: send('backup') },
        { label: 'Restore from Backup…', click: send('restore') },
        { type: 'separator' },
        { label: 'Report…', accelerator: 'CmdOrCtrl+Shift+P', click: send('open-report') },
        { type: 'separator' },
        { label: 'Settings', accelerator: 'CmdOrCtrl+,', click: send('open-settings') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // Undo of a deleted entry is the app's own; text fields keep the native undo.
        { label: 'Undo Delete', accelerator: 'CmdOrCtrl+Shift+Z', click: send('undo') },
        { type: 'separator' },
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        { label: 'Journal', accelerator: 'CmdOrCtrl+1', click: send('open-journal') },
        { label: 'Insights', accelerator: 'CmdOrCtrl+2', click: send('open-insights') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Help',
      submenu: [
        { label: 'Back Pain and Warning Signs', accelerator: 'F1', click: send('open-help') },
        {
          label: 'About the Pain-Monitoring Model',
          click: () => void openExternal('https://pubmed.ncbi.nlm.nih.gov/17307888/'),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
