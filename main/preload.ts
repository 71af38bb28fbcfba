// Exposes exactly the contract's methods (domain-shaped) and the typed push events;
// never a channel name or the raw IPC event.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildEnvelopeApi, PUSH_EVENTS, type PreloadApi, type PushEvents, type Result } from '../shared/api';

const api = {
  ...buildEnvelopeApi((method, input) => ipcRenderer.invoke(method, input) as Promise<Result<unknown>>),
  on<E extends keyof PushEvents>(event: E, listener: (payload: PushEvents[E]) => void): () => void {
    if (!PUSH_EVENTS.includes(event)) throw new Error(`Unknown event: ${String(event)}`);
    const wrapped = (_event: IpcRendererEvent, payload: PushEvents[E]): void => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.removeListener(event, wrapped);
  },
} satisfies PreloadApi;

contextBridge.exposeInMainWorld('backstride', api);
