/** On a ticket registered from a callback request (이력등록): the request it came from, linked to the callback list. */
import { useEffect, useState } from 'react';
import { callbacksApi, type Callback } from '../api/callbacks';
import { Icon } from '../components/icons';
import { useI18n } from '../i18n';
import { hrefFor } from '../router';

export function CallbackOrigin({ ticketId }: { ticketId: string }) {
  const { t } = useI18n();
  const [origin, setOrigin] = useState<Callback | null>(null);
  useEffect(() => {
    let live = true;
    setOrigin(null);
    // Quietly: a reader who may not list callbacks simply sees no origin.
    callbacksApi.forTicket(ticketId).then(
      (found) => live && setOrigin(found),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [ticketId]);
  if (!origin) return null;
  return (
    <div>
      <dt>{t('callbacks.origin')}</dt>
      <dd>
        <a className="meta-line" href={hrefFor({ name: 'callbacks', tab: 'list' })}>
          <Icon name="phone" size={12} /> {origin.route.name} · {origin.phone}
        </a>
        <span className="meta-line muted">
          {t(`callbacks.status.${origin.status}`)} · {t('callbacks.table.attempts')} {origin.attempts}
        </span>
      </dd>
    </div>
  );
}
