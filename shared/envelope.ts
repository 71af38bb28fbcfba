// Builds the domain-shaped API (api.area.verb(input)) from one `invoke` function. Free of zod
// and of the contract's schemas (type imports only), so the preload can ship it alone.
import type { EnvelopeApi, Result, WindowMethod } from './api';

export function buildEnvelopeApi(
  methods: readonly WindowMethod[],
  invoke: (method: WindowMethod, input: unknown) => Promise<Result<unknown>>,
): EnvelopeApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const method of methods) {
    const [area, verb] = method.split(':') as [string, string];
    api[area] ??= {};
    api[area][verb] = (input?: unknown) => invoke(method, input);
  }
  return api as unknown as EnvelopeApi;
}
