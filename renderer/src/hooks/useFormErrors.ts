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

/**
 * The save path every entry form shares: refuse with the schema's field messages, else save
 * through the door and show its messages if it refuses too.
 */
export function useSaveForm<T, R>(save: (input: T) => Promise<R>, onSaved: (saved: R) => void) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  async function submit(parsed: z.ZodSafeParseResult<T>, extraErrors: FieldErrors = {}): Promise<void> {
    if (!parsed.success) {
      setErrors({ ...errorsFromZod(parsed.error), ...extraErrors });
      return;
    }
    setSaving(true);
    try {
      onSaved(await save(parsed.data));
    } catch (error) {
      setErrors(errorsFromUnknown(error));
    } finally {
      setSaving(false);
    }
  }

  return { errors, saving, submit };
}
