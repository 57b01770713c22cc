/**
 * A modal on the native `<dialog>`: the browser traps focus, Escape or a click on the backdrop closes it and
 * focus returns to the element that opened it. `variant="drawer"` slides it in from the right instead.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { Icon } from './icons';

export function Dialog({
  open,
  title,
  subtitle,
  onClose,
  children,
  footer,
  variant = 'dialog',
  width = variant === 'drawer' ? 440 : 520,
}: {
  open: boolean;
  title: string;
  subtitle?: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  variant?: 'dialog' | 'drawer';
  width?: number;
}) {
  const { t } = useI18n();
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
      className={variant}
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
        <div className={`${variant}-inner`}>
          <header className="dialog-header">
            <div>
              <h2>{title}</h2>
              {subtitle && <p className="muted">{subtitle}</p>}
            </div>
            <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.action.close')}>
              <Icon name="x" />
            </button>
          </header>
          <div className={`${variant}-body`}>{children}</div>
          {footer && <footer className="dialog-footer">{footer}</footer>}
        </div>
      )}
    </dialog>
  );
}
