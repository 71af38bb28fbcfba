// The renderer's only way to the log. Behind Electron it uses the preload's window.backstride;
// in browser mode the same contract over HTTP. Either way: one typed Api from shared/api.ts.
import {
  buildEnvelopeApi,
  unwrapApi,
  WINDOW_METHODS,
  type Api,
  type EnvelopeApi,
  type MenuCommand,
  type PreloadApi,
  type PushEvents,
  type Result,
} from '../../../shared/api';

declare global {
  interface Window {
    backstride?: PreloadApi;
  }
}

function httpEnvelopeApi(): EnvelopeApi {
  return buildEnvelopeApi(WINDOW_METHODS, async (method, input): Promise<Result<unknown>> => {
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ input }),
      });
    } catch {
      return {
        ok: false,
        error: { code: 'io', message: 'Backstride is not running any more: start it again and reload.' },
      };
    }
    const type = response.headers.get('content-type') ?? '';
    if (!type.includes('application/json')) {
      return {
        ok: false,
        error: { code: 'io', message: `The app answered ${response.status}: ${(await response.text()).slice(0, 200)}` },
      };
    }
    return (await response.json()) as Result<unknown>;
  });
}

export const isDesktop = typeof window !== 'undefined' && window.backstride !== undefined;

export const api: Api = unwrapApi(window.backstride ?? httpEnvelopeApi());

/** Subscribes to a push from the main process (desktop only); returns the unsubscribe function. */
export function onPush<E extends keyof PushEvents>(event: E, listener: (payload: PushEvents[E]) => void): () => void {
  return window.backstride?.on(event, listener) ?? (() => undefined);
}

export type { MenuCommand };
