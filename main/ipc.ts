// Electron's door: every contract method registered once with ipcMain.handle. Calls are
// accepted only from our own window's main frame; inputs are parsed by dispatch().
import { ipcMain, type WebFrameMain } from 'electron';
import { METHODS, offeredOn } from '../shared/api';
import { dispatch } from './dispatch';
import type { Handlers } from './service';

export function registerIpc(handlers: Handlers, isTrustedFrame: (frame: WebFrameMain | null) => boolean): void {
  for (const method of METHODS.filter((m) => offeredOn(m, 'ipc'))) {
    ipcMain.handle(method, async (event, input: unknown) => {
      if (!isTrustedFrame(event.senderFrame)) {
        return { ok: false, error: { code: 'internal', message: 'Refused: the call did not come from Backstride.' } };
      }
      return dispatch(handlers, method, input, 'ipc');
    });
  }
}
