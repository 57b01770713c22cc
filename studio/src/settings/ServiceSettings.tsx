/**
 * The frame of a service settings page (admins): the title, the service it edits (from the route, else the first
 * consultation service) and the page's main action. Agents who are not admins see why there is nothing here.
 */
import './settings.css';
import type { ReactNode } from 'react';
import { EmptyState, LoadingBlock } from '../components/feedback';
import { useDirectory } from '../directory';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/messages';
import { navigate } from '../router';
import { useMe } from '../session';

export function ServiceSettings({
  page,
  serviceId: routeServiceId,
  title,
  subtitle,
  action,
  children,
}: {
  page: 'fields' | 'templates';
  serviceId?: string;
  title: MessageKey;
  subtitle: MessageKey;
  action?: ReactNode;
  children: (serviceId: string) => ReactNode;
}) {
  const { t } = useI18n();
  const me = useMe();
  const { services } = useDirectory();
  if (me.role !== 'admin') {
    return (
      <EmptyState icon="lock" title={t('settings.adminsOnly.title')}>
        <p>{t('settings.adminsOnly.body')}</p>
      </EmptyState>
    );
  }
  const serviceId = routeServiceId ?? (services?.find((service) => service.kind !== 'issue') ?? services?.[0])?.id;
  if (!serviceId) {
    if (services === null || services === undefined) return <LoadingBlock label={t(`settings.${page}.loading`)} />;
    return (
      <EmptyState icon="layers" title={t('settings.noService.title')}>
        <p>{t('settings.noService.body')}</p>
      </EmptyState>
    );
  }
  return (
    <main className="settings-page">
      <header className="settings-header">
        <div>
          <h1>{t(title)}</h1>
          <p className="muted">{t(subtitle)}</p>
        </div>
        <div className="settings-header-actions">
          {services && services.length > 1 && (
            <label className="settings-service">
              <span className="field-sub">{t('settings.service')}</span>
              <select value={serviceId} onChange={(event) => navigate({ name: page, serviceId: event.target.value })}>
                {services.map((service) => (
                  <option key={service.id} value={service.id}>
                    {service.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {action}
        </div>
      </header>
      {children(serviceId)}
    </main>
  );
}
