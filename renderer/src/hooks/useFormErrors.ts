// Field messages for a form, from the shared zod schema (before saving) or from the door's
// error envelope (after), so the user sees the same words either way.
import { useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../../../shared/api';

export type FieldErrors = Record<string, string>;

export function errorsFromZod(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || '_form';
    errors[field] ??= issue.message;
  }
  return errors;
}

export function errorsFromUnknown(error: unknown): FieldErrors {
  if (error instanceof ApiError) {
    if (error.issues.length > 0) {
      const errors: FieldErrors = {};
      for (const issue of error.issues) errors[issue.field || '_form'] ??= issue.message;
      return errors;
    }
    return { [error.field ?? '_form']: error.message };
  }
  return { _form: error instanceof Error ? error.message : String(error) };
}

export function useFormErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  return { errors, setErrors, clear: () => setErrors({}) };
}
