// The end every entry form shares: notes, a form-level error, Cancel and Save.
import { useDialogClose } from './Dialog';
import { Field, FormError } from './Field';

interface FormFooterProps {
  notes: string;
  onNotes(value: string): void;
  notesError?: string | undefined;
  formError?: string | undefined;
  rows?: number;
  saving: boolean;
  submitLabel: string;
  onCancel(): void;
}

export function FormFooter({
  notes,
  onNotes,
  notesError,
  formError,
  rows = 2,
  saving,
  submitLabel,
  onCancel,
}: FormFooterProps) {
  // Inside a dialog, Cancel asks before discarding typed changes, as Escape does.
  const requestClose = useDialogClose();
  return (
    <>
      <Field label="Notes" error={notesError}>
        <textarea value={notes} onChange={(e) => onNotes(e.target.value)} rows={rows} maxLength={5000} />
      </Field>
      <FormError message={formError} />
      <div className="form__actions">
        <button type="button" onClick={requestClose ?? onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
