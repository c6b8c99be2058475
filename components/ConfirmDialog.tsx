import { useEffect, useRef } from 'react';

interface Props {
  open: boolean;
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal confirmation on the native <dialog>: focus is trapped and Esc cancels. */
export function ConfirmDialog({ open, message, confirmLabel, cancelLabel, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} role="alertdialog" aria-label={message} onCancel={onCancel}>
      <p>{message}</p>
      <div className="row" style={{ justifyContent: 'flex-end' }}>
        <button type="button" autoFocus onClick={onCancel}>{cancelLabel}</button>
        <button type="button" className="primary" onClick={onConfirm}>{confirmLabel}</button>
      </div>
    </dialog>
  );
}
