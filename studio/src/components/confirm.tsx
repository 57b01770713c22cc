/** A confirmation on the shared dialog: what will happen, a busy state while it happens, and the refusal if any. */
import type { ReactNode } from 'react';
import { Dialog } from './dialog';
import { useI18n } from '../i18n';
import { ErrorBanner, Spinner } from './feedback';

export function ConfirmDialog({
  open,
  title,
  subtitle,
  children,
  confirmLabel,
  busyLabel,
  danger = false,
  busy = false,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  subtitle?: string;
  children?: ReactNode;
  confirmLabel: string;
  busyLabel?: string;
  danger?: boolean;
  busy?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Dialog open={open} title={title} subtitle={subtitle} onClose={busy ? () => undefined : onClose} width={480}>
      <div className="stack">
        {children}
        <ErrorBanner error={error} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.action.cancel')}
          </button>
          <button type="button" className={`button ${danger ? 'danger-solid' : 'primary'}`} onClick={onConfirm} disabled={busy} autoFocus>
            {busy && <Spinner size={14} />}
            {busy ? (busyLabel ?? confirmLabel) : confirmLabel}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
