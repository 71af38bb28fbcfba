// A modal dialog on the native <dialog> element: focus is trapped, Escape closes it. On open it
// focuses the form's first field (or the one marked data-autofocus), on close it gives focus back
// to what opened it, and with `guardChanges` it asks before throwing typed changes away.
import { createContext, useContext, useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  wide?: boolean;
  /** Ask before closing (Escape, Cancel, ×) once something has been typed or chosen. */
  guardChanges?: boolean;
}

interface DialogControls {
  /** Close as Escape would: asks first when there are unsaved changes. */
  requestClose(): void;
}

const DialogContext = createContext<DialogControls | undefined>(undefined);

/** The surrounding dialog's close request, for a form's Cancel button. */
export function useDialogClose(): (() => void) | undefined {
  return useContext(DialogContext)?.requestClose;
}

const FIRST_FIELD = '[data-autofocus], input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea';

export function Dialog({ title, onClose, children, wide, guardChanges }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const changed = useRef(false);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const marked = dialog.querySelector<HTMLElement>('[data-autofocus]');
    (marked ?? dialog.querySelector<HTMLElement>(FIRST_FIELD))?.focus();
    return () => {
      dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const requestClose = () => {
    if (guardChanges && changed.current) setConfirming(true);
    else onClose();
  };

  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' dialog--wide' : ''}`}
      aria-labelledby={titleId}
      onInput={() => {
        changed.current = true;
      }}
      onCancel={(event) => {
        event.preventDefault();
        // A nested dialog's Escape is its own business.
        if (event.target === event.currentTarget) requestClose();
      }}
    >
      <header className="dialog__header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={requestClose}>
          ×
        </button>
      </header>
      <DialogContext.Provider value={{ requestClose }}>{children}</DialogContext.Provider>
      {confirming && (
        <Dialog title="Discard your changes?" onClose={() => setConfirming(false)}>
          <p>What you typed in “{title}” has not been saved.</p>
          <div className="form__actions">
            <button type="button" data-autofocus onClick={() => setConfirming(false)}>
              Keep editing
            </button>
            <button type="button" className="danger" onClick={onClose}>
              Discard changes
            </button>
          </div>
        </Dialog>
      )}
    </dialog>
  );
}
