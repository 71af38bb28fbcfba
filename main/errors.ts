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
