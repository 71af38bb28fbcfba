// The one registrar every door uses: parse the input with the contract's schema, call the
// handler, and answer with an envelope instead of throwing across the door.
import {
  contract,
  DOORS,
  invalidInput,
  isMethod,
  offeredOn,
  type ApiErrorShape,
  type Door,
  type Method,
  type OutputOf,
  type Result,
} from '../shared/api';
import { DISK_FULL_MESSAGE, isDiskFull, ServiceError } from './errors';
import type { Handlers } from './service';

/**
 * Calls a method through its door. Without a door, only methods every door offers are reached
 * (a method for one door alone, such as the CLI's path import, needs that door named).
 */
export async function dispatch<M extends Method>(
  handlers: Handlers,
  method: M,
  input: unknown,
  door?: Door,
): Promise<Result<OutputOf<M>>>;
export async function dispatch(
  handlers: Handlers,
  method: unknown,
  input: unknown,
  door?: Door,
): Promise<Result<unknown>>;
export async function dispatch(
  handlers: Handlers,
  method: unknown,
  input: unknown,
  door?: Door,
): Promise<Result<unknown>> {
  if (!isMethod(method) || !(door ? offeredOn(method, door) : DOORS.every((d) => offeredOn(method, d)))) {
    return { ok: false, error: unknownMethod(method) };
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

export function unknownMethod(method: unknown): ApiErrorShape {
  return { code: 'unknown_method', message: `Unknown operation: ${String(method).slice(0, 100)}` };
}
