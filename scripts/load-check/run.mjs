// `tsx scripts/load-check/run.mjs main|preload`: loads the built Electron main process or
// preload under plain Node with `electron` stubbed, and checks what they did on load. A
// syntax check would miss a missing export, a bad import or code that throws at start-up.
import { createRequire, register } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

register('./hooks.mjs', import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
const stub = await import('./electron-stub.mjs');
const called = (prefix) => stub.calls.filter((c) => c.path === prefix);
const fail = (message) => {
  console.error(`load-check: ${message}`);
  process.exit(1);
};

const target = process.argv[2];
if (target === 'main') {
  await import(path.join(root, 'out/main/index.js'));
  // Give start-up's microtasks a turn.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const schemes = called('protocol.registerSchemesAsPrivileged');
  if (schemes.length !== 1 || schemes[0].args[0]?.[0]?.scheme !== 'app')
    fail('the main process did not register the app:// scheme on load');
  if (called('app.requestSingleInstanceLock').length !== 1)
    fail('the main process did not ask for the single-instance lock');
  console.log('load-check: out/main/index.js loaded; it registered app:// and asked for the single-instance lock');
} else if (target === 'preload') {
  const require = createRequire(import.meta.url);
  const Module = require('node:module');
  const load = Module._load;
  Module._load = function (request, ...rest) {
    return request === 'electron' ? stub.default : load.call(this, request, ...rest);
  };
  const bundle = path.join(root, 'out/preload/preload.cjs');
  const source = fs.readFileSync(bundle, 'utf8');
  // The preload carries a plain method list, not the contract's schemas.
  if (/ZodError|\$ZodType/.test(source)) fail('the preload bundle contains zod');
  require(bundle);
  const exposed = called('contextBridge.exposeInMainWorld');
  if (exposed.length !== 1 || exposed[0].args[0] !== 'backstride') fail('the preload did not expose window.backstride');
  const api = exposed[0].args[1];
  // Run under tsx, so the contract itself says what must be there.
  const { WINDOW_METHODS } = await import('../../shared/api.ts');
  const missing = WINDOW_METHODS.filter((m) => {
    const [area, verb] = m.split(':');
    return typeof api?.[area]?.[verb] !== 'function';
  });
  if (typeof api?.on !== 'function' || missing.length > 0)
    fail(`the preload's API lacks ${missing.length ? missing.join(', ') : 'on()'}`);
  console.log(
    `load-check: out/preload/preload.cjs (${(source.length / 1024).toFixed(1)} kB, no zod) loaded; it exposed window.backstride with ${Object.keys(api).length} areas and on()`,
  );
} else {
  fail('usage: tsx scripts/load-check/run.mjs main|preload');
}
process.exit(0);
