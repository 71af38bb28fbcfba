import type { ErrorCode } from '../shared/api';

/** An expected failure with a message meant for the user; doors turn it into an error envelope. */
export class ServiceError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
    this.field = field;
  }
}

/** What every door says when a write failed for lack of space (ENOSPC, or EDQUOT: over the user's quota). */
export const DISK_FULL_MESSAGE = 'The disk is full: nothing was saved. Free some space and try again.';

/** Whether an error (or one it was caused by) is the disk refusing bytes for lack of space or quota. */
export function isDiskFull(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') return true;
  }
  return false;
}
