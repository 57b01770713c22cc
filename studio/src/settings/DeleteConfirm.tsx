/**
 * Deleting an item of a settings list (a field, a template, a group, a category, an SLA policy): the confirmation,
 * busy while the API works and keeping its refusal; on success a toast, the dialog closes and the list reloads.
 */
import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../components/confirm';
import { useToast } from '../components/toasts';
import { useI18n } from '../i18n';

export function DeleteConfirm<T>({
  item,
  title,
  confirmLabel,
  done,
  remove,
  onClose,
  onDeleted,
  children,
}: {
  /** The item asked about; null keeps the dialog closed. */
  item: T | null;
  title: string;
  confirmLabel: string;
  /** The toast once it is deleted. */
  done: string;
  remove: (item: T) => Promise<unknown>;
  onClose: () => void;
  onDeleted: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const [state, setState] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const close = () => {
    setState({ busy: false, error: null });
    onClose();
  };

  async function confirm(target: T) {
    setState({ busy: true, error: null });
    try {
      await remove(target);
      toast(done);
      close();
      onDeleted();
    } catch (caught) {
      setState({ busy: false, error: caught });
    }
  }

  return (
    <ConfirmDialog
      open={item !== null}
      title={title}
      confirmLabel={confirmLabel}
      busyLabel={t('settings.deleting')}
      danger
      busy={state.busy}
      error={state.error}
      onConfirm={() => item !== null && void confirm(item)}
      onClose={close}
    >
      {children}
    </ConfirmDialog>
  );
}
