/**
 * A panel sliding in from the right on the native `<dialog>`: focus is trapped while it is open, Escape or a click
 * on the backdrop closes it, and focus returns to the element that opened it.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { Icon } from './icons';

export function Drawer({
  open,
  title,
  subtitle,
  onClose,
  children,
  width = 440,
}: {
  open: boolean;
  title: string;
  subtitle?: string;
  onClose: () => void;
  children: ReactNode;
  width?: number;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="drawer"
      style={{ width }}
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === ref.current) onClose();
      }}
    >
      {open && (
        <div className="drawer-inner">
          <header className="dialog-header">
            <div>
              <h2>{title}</h2>
              {subtitle && <p className="muted">{subtitle}</p>}
            </div>
            <button type="button" className="icon-button" onClick={onClose} aria-label="Close">
              <Icon name="x" />
            </button>
          </header>
          <div className="drawer-body">{children}</div>
        </div>
      )}
    </dialog>
  );
}
