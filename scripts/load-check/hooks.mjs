// Module resolution hook: `electron` (from our code or a dependency such as electron-store)
// resolves to the stub.
const stub = new URL('./electron-stub.mjs', import.meta.url).href;
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: stub, shortCircuit: true };
  return nextResolve(specifier, context);
}
