/** A thin bar under the top bar while any request is in flight, so long work is never silent. */
import { useEffect, useState } from 'react';
import { onActivity } from '../api/client';
import { useI18n } from '../i18n';

export function GlobalProgress() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let timer: number | undefined;
    const unsubscribe = onActivity((pending) => {
      window.clearTimeout(timer);
      // Quick answers never flash the bar; anything slower than 150 ms shows it.
      if (pending > 0) timer = window.setTimeout(() => setBusy(true), 150);
      else setBusy(false);
    });
    return () => {
      window.clearTimeout(timer);
      unsubscribe();
    };
  }, []);
  return <div className={`global-progress${busy ? ' active' : ''}`} role="progressbar" aria-hidden={!busy} aria-label={t('common.loading')} />;
}
