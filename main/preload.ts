// Exposes exactly the window's contract methods (domain-shaped) and the typed push events;
// never a channel name or the raw IPC event. Imports the plain generated method list, not the
// contract, so the preload ships no zod.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { PreloadApi, PushEvent, PushEvents, Result } from '../shared/api';
import { buildEnvelopeApi } from '../shared/envelope';
import { PUSH_EVENT_NAMES, WINDOW_METHOD_NAMES } from '../shared/windowMethods.generated';

const api = {
  ...buildEnvelopeApi(
    WINDOW_METHOD_NAMES,
    (method, input) => ipcRenderer.invoke(method, input) as Promise<Result<unknown>>,
  ),
  on<E extends PushEvent>(event: E, listener: (payload: PushEvents[E]) => void): () => void {
    if (!(PUSH_EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`Unknown event: ${String(event)}`);
    const wrapped = (_event: IpcRendererEvent, payload: PushEvents[E]): void => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.removeListener(event, wrapped);
  },
} satisfies PreloadApi;

contextBridge.exposeInMainWorld('backstride', api);
