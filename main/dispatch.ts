// The one registrar every door uses: parse the input with the contract's schema, call the
// handler, and answer with an envelope instead of throwing across the door.
import { contract, invalidInput, isMethod, type Result } from '../shared/api';
import { DISK_FULL_MESSAGE, isDiskFull, ServiceError } from './errors';
import type { Handlers } from './service';

export async function dispatch(handlers: Handlers, method: unknown, input: unknown): Promise<Result<unknown>> {
  if (!isMethod(method)) {
    return {
      ok: false,
      error: { code: 'unknown_method', message: `Unknown operation: ${String(method).slice(0, 100)}` },
    };
  }
  const parsed = contract[method].input.safeParse(input);
  if (!parsed.success) return { ok: false, error: invalidInput(parsed.error) };
  try {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof ServiceError) {
      return {
        ok: false,
        error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) },
      };
    }
    if (isDiskFull(error)) {
      // Expected on a full disk and said to the user in full: one line in the log, no stack trace.
      console.error(
        `[backstride] ${method}: the disk is full (${(error as NodeJS.ErrnoException).code ?? 'ENOSPC'}); nothing was saved.`,
      );
      return { ok: false, error: { code: 'io', message: DISK_FULL_MESSAGE } };
    }
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[backstride] ${method} failed:`, error);
    const io = error instanceof Error && 'code' in error && typeof (error as NodeJS.ErrnoException).code === 'string';
    return {
      ok: false,
      error: {
        code: io ? 'io' : 'internal',
        message: io ? `Could not write to the data folder: ${message}` : `Something went wrong: ${message}`,
      },
    };
  }
}
